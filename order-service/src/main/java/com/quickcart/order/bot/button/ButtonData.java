package com.quickcart.order.bot.button;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The callback data of a {@link Button} record, as colon-separated segments: literals, and
 * {@code {component}} for each record component in order ({@code {component?}} for a trailing
 * one that may be null). Example: {@code @ButtonData("p:{productId}:q:{quantity}")}. The first
 * segment is a literal that the record shares only with buttons of the same feature.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ButtonData {
    String value();
}
