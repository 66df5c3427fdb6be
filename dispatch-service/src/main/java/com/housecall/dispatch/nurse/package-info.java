/** The nurse roster: who is licensed where, serves which ZIP prefixes, works when, and is booked when. */
@NullMarked
package com.housecall.dispatch.nurse;

import org.jspecify.annotations.NullMarked;
