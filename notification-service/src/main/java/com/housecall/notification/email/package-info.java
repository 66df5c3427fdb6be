@NullMarked
package com.housecall.notification.email;

import org.jspecify.annotations.NullMarked;
