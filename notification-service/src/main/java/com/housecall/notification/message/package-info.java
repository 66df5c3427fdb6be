@NullMarked
package com.housecall.notification.message;

import org.jspecify.annotations.NullMarked;
