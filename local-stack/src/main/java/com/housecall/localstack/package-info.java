/**
 * What {@code bin/housecall} runs next to the services on a machine without Docker:
 * the Kafka broker (straight from Kafka's own main classes), a mail catcher and a dev token issuer.
 */
@NullMarked
package com.housecall.localstack;

import org.jspecify.annotations.NullMarked;
