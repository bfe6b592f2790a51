package org.redress.core.complaint;

import java.util.Locale;

/**
 * What a complaint is about. The set is configurable (billing, technical, delivery, product, service, other by
 * default), so it is a value, not an enum.
 */
public record Category(String code) {

    public static final Category OTHER = new Category("other");

    public Category {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a category needs a code");
        }
        code = code.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code;
    }
}
