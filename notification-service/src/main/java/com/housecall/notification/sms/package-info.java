/** SMS through Twilio's Messages API: the client, the webhooks (signature-checked), opt-outs, GSM-7 templates. */
@NullMarked
package com.housecall.notification.sms;

import org.jspecify.annotations.NullMarked;
