/**
 * Visits: the requests and patient locations booking sends, the dispatch that books a nurse, and the nurses' view.
 * Patient addresses are PHI: stored here only, never logged, never put on a shared topic.
 */
@NullMarked
package com.housecall.dispatch.visit;

import org.jspecify.annotations.NullMarked;
