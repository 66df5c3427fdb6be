@NullMarked
package com.housecall.gateway.security;

import org.jspecify.annotations.NullMarked;
