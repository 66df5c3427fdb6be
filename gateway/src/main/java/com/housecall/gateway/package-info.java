@NullMarked
package com.housecall.gateway;

import org.jspecify.annotations.NullMarked;
