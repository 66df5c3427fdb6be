@NullMarked
package com.housecall.gateway.problem;

import org.jspecify.annotations.NullMarked;
