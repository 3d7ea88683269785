package dev.switchboard.contact;

import java.util.Objects;

/** A contact record passed on by versioning: the first version of its ContactId (NEW) or a later one (UPDATED). */
public record ContactVersion(ContactVersions.Outcome outcome, ContactRecord contact) {
    public ContactVersion {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(contact, "contact");
    }
}
