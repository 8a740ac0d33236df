package org.sapere.identity;

import org.jspecify.annotations.Nullable;

/** How a university looks on what it issues: its colour ({@code #rrggbb}) and its logo as PNG, each if set. */
public record Brand(@Nullable String colour, byte @Nullable [] logoPng) {}
