@NullMarked
package com.housecall.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
