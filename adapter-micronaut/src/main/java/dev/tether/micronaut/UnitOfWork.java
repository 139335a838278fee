package dev.tether.micronaut;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes each call of a bean method (a {@code @Scheduled} job, a message listener) one Tether unit of
 * work: "request started" before it, "request finished" after it, also when it throws. Inside an HTTP
 * request, or inside another unit of work, the call joins the one already running. Outside requests
 * the unit belongs to the calling thread, so the method must be synchronous.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
public @interface UnitOfWork {
}
