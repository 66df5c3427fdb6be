/** When messages may go: quiet hours and reminder times, in plain Java (no framework). */
@NullMarked
package com.housecall.notification.schedule;

import org.jspecify.annotations.NullMarked;
