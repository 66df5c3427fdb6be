@NullMarked
package com.housecall.notification.contact;

import org.jspecify.annotations.NullMarked;
