package dev.switchboard.marketing.plan;

import java.time.Instant;

/** A plan as stored: when it was first saved and when last replaced. */
public record StoredPlan(Plan plan, Instant createdAt, Instant updatedAt) {}
