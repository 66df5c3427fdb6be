package com.housecall.dispatch.visit;

/** Where a visit stands, as a nurse moves it along (CONTRACT.md section 7). */
enum VisitStatus {
    SCHEDULED, EN_ROUTE, ARRIVED, INFUSION_STARTED, INFUSION_COMPLETED, COMPLETED, NO_SHOW, DECLINED, CANCELLED
}
