package org.sapere.identity;

/**
 * A person deleted their account: identity has erased their personal data. Other modules erase what identifies
 * them (e.g. mails kept for them) and keep learning records, which now belong to an anonymous account.
 */
public record AccountErased(AccountId account, String formerEmail) {}
