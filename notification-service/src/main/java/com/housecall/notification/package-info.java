@NullMarked
package com.housecall.notification;

import org.jspecify.annotations.NullMarked;
