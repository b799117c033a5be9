package fr.portailfamille.system.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method answering a form's POST: the form is done once however often it is
 * submitted. Every POST form rendered with {@code th:action} carries a one-time token
 * ({@value OnceForms#FIELD}); the first request with a token does the work, a repeat (a double
 * click, a resent form) waits for it and answers the same redirect instead of doing it twice.
 * A submission that did not end in a redirect (the form shown again with its errors) frees its token.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OnceOnly {}
