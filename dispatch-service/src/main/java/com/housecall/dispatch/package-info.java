/** dispatch-service: assigns requested visits to qualified nurses and serves the nurses' own visits. */
@NullMarked
package com.housecall.dispatch;

import org.jspecify.annotations.NullMarked;
