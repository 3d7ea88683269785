package dev.switchboard.ivr;

import java.util.List;

/**
 * The topics the IVR generator draws from: a topic type (Billing, TechSupport, Sales, Account), its
 * topic names, and per name the chance that the bot resolves a session and that it escalates to an
 * agent (the rest is abandoned), the intent the bot should detect, and what a customer says.
 */
public final class IvrTopicCatalog {
    /** One topic name of a type, with its outcome chances and phrases. */
    public record Topic(String type, String name, String intent, double resolved, double escalated, List<String> openings,
                        List<String> details, String answer) {
        public double abandoned() {
            return 1 - resolved - escalated;
        }
    }

    public static final List<Topic> TOPICS = List.of(
            new Topic("Billing", "Payment Issue", "payment_issue", 0.55, 0.30,
                    List.of("My payment did not go through", "I was charged twice this month", "My card payment failed"),
                    List.of("It was the automatic debit on the 3rd", "I paid by card yesterday"), "I have retried the payment and sent you a receipt"),
            new Topic("Billing", "Bill Explanation", "bill_explanation", 0.70, 0.15,
                    List.of("Why is my bill higher than usual", "I do not understand a charge on my bill"),
                    List.of("There is a roaming charge I do not recognise", "The total went up by ten dollars"), "That charge is for roaming on the 12th; here is the breakdown"),
            new Topic("Billing", "Refund Request", "refund_request", 0.40, 0.40,
                    List.of("I want a refund", "Please refund the extra charge"),
                    List.of("I cancelled the add-on last month", "The charge is for a service I never used"), "A refund has been requested and will appear within 5 days"),
            new Topic("TechSupport", "Modem Setup", "modem_setup", 0.50, 0.30,
                    List.of("How do I set up my new modem", "The modem lights are blinking orange"),
                    List.of("I connected the cable but there is no signal", "It is the new fiber box"), "Please restart the modem; the line is now provisioned"),
            new Topic("TechSupport", "No Internet", "no_internet", 0.35, 0.45,
                    List.of("My internet is down", "I have no connection at home"),
                    List.of("It stopped working this morning", "All devices say no internet"), "There was an outage in your area; it is fixed now"),
            new Topic("TechSupport", "Slow Connection", "slow_connection", 0.45, 0.30,
                    List.of("My internet is very slow", "Videos keep buffering"),
                    List.of("It is slow in the evening", "The speed test shows 5 megabits"), "I have reset your line profile; speeds should recover"),
            new Topic("Sales", "New Plan", "new_plan", 0.55, 0.30,
                    List.of("I want to change my plan", "Which plans do you offer"),
                    List.of("I need more data", "Something cheaper for two lines"), "Your new plan starts on the next billing day"),
            new Topic("Sales", "Upgrade Offer", "upgrade_offer", 0.60, 0.25,
                    List.of("Can I upgrade my phone", "Is there an upgrade offer for me"),
                    List.of("My contract ends next month", "I want the newest model"), "You are eligible; the offer is in your account"),
            new Topic("Account", "Password Reset", "password_reset", 0.85, 0.05,
                    List.of("I forgot my password", "I cannot log in to my account"),
                    List.of("The reset email never arrived", "It says my account is locked"), "A reset link has been sent by text message"),
            new Topic("Account", "Address Change", "address_change", 0.75, 0.10,
                    List.of("I moved and need to change my address", "Update my billing address please"),
                    List.of("The new address is in the same city", "From the first of next month"), "Your address has been updated"),
            new Topic("Account", "Cancel Service", "cancel_service", 0.25, 0.55,
                    List.of("I want to cancel my service", "How do I close my account"),
                    List.of("I am moving abroad", "I found a cheaper offer"), "Your cancellation request is registered"));

    private IvrTopicCatalog() {}
}
