package com.housecall.security;

import com.housecall.security.problem.ServiceBusy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Sheds API load before it starves the service. Issue 15: a booking instance left alone with every referral had its
 * ten database connections held by requests the gateway had already given up on (504), while its consumers waited
 * 30 s for one and the event pipeline stalled. A request waits at most {@link ApiConcurrency#maxWait()} for one of
 * {@link ApiConcurrency#maxConcurrent()} turns, else it is refused with 503 and {@code Retry-After},
 * having changed nothing. A server-sent event stream gives its turn back once it is open.
 */
final class ApiConcurrencyLimit implements AsyncHandlerInterceptor {

    static final String PATH = "/api/**";
    private static final String HOLDS_TURN = ApiConcurrencyLimit.class.getName() + ".turn";

    private final Semaphore turns;
    private final long maxWaitNanos;
    private final @Nullable Counter shed;

    ApiConcurrencyLimit(ApiConcurrency settings, @Nullable MeterRegistry meters) {
        this.turns = new Semaphore(settings.maxConcurrent(), true);
        this.maxWaitNanos = settings.maxWait().toNanos();
        this.shed = meters == null ? null : Counter.builder("housecall.http.shed")
                .description("API requests refused with 503 because the service was handling as many as it may")
                .register(meters);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true; // an async or error dispatch of a request that already had its turn
        }
        if (!turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
            if (shed != null) {
                shed.increment();
            }
            throw new ServiceBusy();
        }
        request.setAttribute(HOLDS_TURN, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
                                               Object handler) {
        release(request);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        release(request);
    }

    private void release(HttpServletRequest request) {
        if (request.getAttribute(HOLDS_TURN) != null) {
            request.removeAttribute(HOLDS_TURN);
            turns.release();
        }
    }

    /** Turns free now: every one once no request is being handled. */
    int available() {
        return turns.availablePermits();
    }
}
