/** The treatment course as plain Java: no framework, no database, no messaging (checked by CourseArchitectureTest). */
package com.housecall.booking.course;
