/**
 * The local infrastructure on a machine without Docker, for {@code bin/housecall} and the tests alike: the launcher
 * ({@code launcher}), the Kafka broker (straight from Kafka's own main classes), Keycloak from its distribution
 * ({@code keycloak}), the mail catcher ({@code mail}), the SMS sink ({@code sms}) and the demo users' tokens
 * ({@code tokens}).
 */
@NullMarked
package com.housecall.localstack;

import org.jspecify.annotations.NullMarked;
