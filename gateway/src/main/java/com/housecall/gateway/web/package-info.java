/** The people's pages the gateway serves from its own classpath (DECISIONS 35): {@code /app/}, {@code /clinician/}. */
@NullMarked
package com.housecall.gateway.web;

import org.jspecify.annotations.NullMarked;
