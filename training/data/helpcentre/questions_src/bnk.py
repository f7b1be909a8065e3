# Pennant (bank card app). Labels checked against all eight bnk-* articles.

# ---- bnk-01 plans and fees
A("bnk-01", "fact", "How much is the Metal plan per month?", "13.99 EUR a month.",
  ["| Monthly fee | 0 EUR | 4.99 EUR | 13.99 EUR |"])
A("bnk-01", "fact", "How much can I take out of ATMs for free each month on Plus?", "400 EUR a month.",
  ["| Free ATM withdrawals per month | 200 EUR | 400 EUR | 800 EUR |"])
A("bnk-01", "yesno", "Can I pay for Plus yearly instead of monthly?", "No. Plus and Metal are charged monthly only; there is no annual option.",
  ["Plus and Metal are charged monthly only; there is no annual option."])
A("bnk-01", "multistep", "What does a full year of Metal cost me?", "167.88 EUR: 13.99 EUR a month, charged monthly for 12 months.",
  ["| Monthly fee | 0 EUR | 4.99 EUR | 13.99 EUR |", "Plus and Metal are charged monthly only; there is no annual option."])
A("bnk-01", "multistep", "I'm on Standard and haven't used any of my allowance this month. What would a 300 EUR ATM withdrawal cost?",
  "2 EUR: the first 200 EUR is free, and the 100 EUR above the allowance costs 2% (minimum 1 EUR).",
  ["| Free ATM withdrawals per month | 200 EUR | 400 EUR | 800 EUR |",
   "Withdrawals above the free allowance cost 2% of the amount, with a minimum of 1 EUR."])
A("bnk-01", "howto", "How do I switch to a different plan?", "In the app, go to Profile > Plan; you can change plan at any time.",
  ["You can change plan at any time in **Profile > Plan**."])
A("bnk-01", "yesno", "If I downgrade from Metal do I lose the perks right away?", "No. You keep your current plan until the end of the month you have paid for.",
  ["If you downgrade, you keep your current plan until the end of the month you have paid for."])
A("bnk-01", "casual", "whats the charge if i drop metal after 6 months", "49 EUR for the Metal card, because you are leaving within 12 months of getting it.",
  ["A Metal card costs 49 EUR if you leave Metal within 12 months of getting it; after that, there is no charge."])
A("bnk-01", "yesno", "Do you charge a fee if I don't use my account for a while?", "No, there is no inactivity fee.",
  ["- Inactivity fee: none"])
A("bnk-01", "fact", "What's the most cashback I can earn on Metal in a month?", "15 EUR a month (1% in Pennant points on card payments in Europe).",
  ["1% cashback in Pennant points on card payments in Europe. Cashback is capped at 15 EUR per month."])
N("bnk-01", "nonexistent-plan", "How much does the Pennant Premium plan cost?", "There is no Premium plan; the articles describe only Standard, Plus and Metal.")
N("bnk-01", "missing-condition", "Is there a student discount on Plus?", "Only the Plus monthly fee is given; no discounts for students are mentioned.")
N("bnk-01", "mixed", "What's the purchase protection limit on Metal?", "Purchase protection is described for Plus only; nothing says whether Metal includes it or at what limit.")
N("bnk-01", "missing-number", "What do ATM withdrawals cost on Plus once I go over the 400 EUR free allowance?", "The 2% over-allowance fee is stated for Standard only; no fee is given for Plus.")
N("bnk-01", "missing-feature", "Does the Metal travel insurance cover skiing and winter sports?", "Metal includes travel insurance, but what it covers is never described.")
N("bnk-01", "missing-feature", "Can I swap my Pennant points for flights or vouchers?", "Cashback is paid in Pennant points, but how points can be spent is not stated.")
N("bnk-01", "missing-condition", "Can I bring a guest into the airport lounge with my Metal pass?", "Lounge passes cost 25 EUR each; nothing is said about guests.")
N("bnk-01", "missing-condition", "If I cancel Plus halfway through the month, do I get half the fee back?", "Downgrades keep the plan to the end of the paid month; partial refunds are not addressed.")
N("bnk-01", "missing-feature", "Can I get the Metal card in gold or black?", "The Metal card is stainless steel; no colour options are mentioned.")
N("bnk-01", "missing-feature", "Can I pay my monthly plan fee with a credit card from another bank?", "How the fee is paid (other than the charge date) is not described.")
N("bnk-01", "off-topic", "What's the weather going to be like in Lisbon tomorrow?", "Off-topic: weather, not Pennant.")

# ---- bnk-02 lost, stolen or damaged card
A("bnk-02", "howto", "How do I freeze my card?", "In the app, tap the card, then Freeze.",
  ["freeze it in the app: tap the card, then **Freeze**"])
A("bnk-02", "yesno", "If I freeze my card, will my Netflix subscription still get charged?",
  "Yes, recurring payments keep working unless you also turn on Block recurring payments.",
  ["Recurring payments you have already set up, such as subscriptions, keep working unless you also turn on **Block recurring payments**."])
A("bnk-02", "yesno", "I reported my card stolen but then found it. Can I unfreeze it?", "No. Reporting it lost or stolen cancels it permanently; it cannot be unfrozen.",
  ["This cancels the card permanently; it cannot be unfrozen afterwards."])
A("bnk-02", "fact", "How long do I have to report payments I didn't make?", "Within 13 months of the payment date.",
  ["report the payments as unauthorised within 13 months of the payment date"])
A("bnk-02", "fact", "How fast is express delivery of a replacement card and what does it cost?", "1 to 2 business days, 15 EUR.",
  ["| Express courier | 1 to 2 business days | 15 EUR |"])
A("bnk-02", "multistep", "My card was stolen. I'm on Standard and want the new one by express courier. What will I pay?",
  "15 EUR: the replacement card itself is free when it was stolen, and express courier costs 15 EUR.",
  [("bnk-01", "- Replacement card: 6 EUR, free if the card was stolen"), "| Express courier | 1 to 2 business days | 15 EUR |"])
A("bnk-02", "yesno", "Can I still pay with my phone while I wait for the new card?", "Yes. A virtual copy of the new card is in the app as soon as you order it, for online and phone payments.",
  ["A virtual copy of the new card is available in the app as soon as you order it, so you can pay online and with your phone before the plastic card arrives."])
A("bnk-02", "casual", "chip on my card broke, does the old one keep working till the new one comes?", "Yes, the old card keeps working until you activate the new one.",
  ["The old card keeps working until you activate the new one."])
A("bnk-02", "casual", "ordered a card 2 weeks ago still not here what do i do", "If it hasn't arrived within 10 business days, cancel it in the app and another is sent free of charge.",
  ["If your card hasn't arrived within 10 business days of ordering, cancel it in the app and we'll send another free of charge."])
A("bnk-02", "yesno", "I'm on holiday in Spain. Can you send my replacement card to my hotel?", "No. Cards can only be sent to your registered home address; use the virtual card with Apple Pay or Google Pay meanwhile.",
  ["We can only send cards to your registered home address. While you wait, use the virtual card with Apple Pay or Google Pay."])
N("bnk-02", "missing-feature", "Can I pick up a replacement card at a Pennant branch?", "No branches or in-person pick-up are mentioned; cards are sent by post or courier.")
N("bnk-02", "missing-condition", "Do I need to file a police report before you refund stolen card payments?", "The articles never mention police reports.")
N("bnk-02", "mixed", "Will my replacement for a damaged card keep the same card number?", "A new number is stated only for lost or stolen cards; nothing says whether a damaged-card replacement keeps its number.")
N("bnk-02", "missing-number", "How many replacement cards can I order in a year?", "No limit on the number of replacements is stated.")
N("bnk-02", "mixed", "Is express courier delivery free on Metal?", "One free express delivery a year is stated for Plus only; nothing says whether Metal gets it.")
N("bnk-02", "missing-feature", "Can I freeze my card by sending a text message?", "Freezing is described only in the app; no SMS option is mentioned.")
N("bnk-02", "missing-condition", "Will I still get refunded if I kept my PIN written down next to the card?", "The refund exception is only suspected fraud by the account holder; carelessness with the PIN is not addressed.")
N("bnk-02", "missing-feature", "My phone was stolen along with my card. Is there a phone number I can call to block it?", "No phone line is mentioned; only the app and in-app chat.")
N("bnk-02", "missing-feature", "Can you send me emergency cash while I'm abroad without a card?", "Emergency cash is never mentioned.")
N("bnk-02", "missing-feature", "Can I choose a custom design for my replacement card?", "Card designs are not mentioned; only plastic and stainless steel cards.")
N("bnk-02", "off-topic", "How do I remotely lock a stolen iPhone?", "Off-topic: another company's product.")

# ---- bnk-03 spending and withdrawal limits
A("bnk-03", "fact", "What's the default daily ATM withdrawal limit?", "500 EUR a day.",
  ["| ATM withdrawals per day | 500 EUR | 1,500 EUR |"])
A("bnk-03", "fact", "What's the most I can spend by card in one day?", "Up to 10,000 EUR a day if you raise the limit to the maximum (default 2,500 EUR).",
  ["| Card payments per day | 2,500 EUR | 10,000 EUR |"])
A("bnk-03", "fact", "When do my daily limits reset?", "At 00:00 Central European Time.",
  ["Daily limits reset at 00:00 Central European Time."])
A("bnk-03", "yesno", "I'm in New York for a month. Do my daily limits reset at midnight my time?", "No, daily limits reset at 00:00 Central European Time, not local time.",
  ["Daily limits reset at 00:00 Central European Time."])
A("bnk-03", "howto", "How do I raise my card payment limit?", "Change it in Card > Limits; a rise above the default becomes active after a 24-hour security delay, and you get a notification.",
  ["You can see and change your limits in **Card > Limits**.", "Raising a limit above the default takes effect after a 24-hour security delay, and we send you a notification when it's active."])
A("bnk-03", "yesno", "I'm 17, can I raise my ATM limit?", "No, customers under 18 cannot raise limits above the default.",
  ["Customers under 18 cannot raise limits above the default."])
A("bnk-03", "yesno", "Can I switch off the PIN request for contactless payments?", "No. It's required by card rules and cannot be turned off (Apple Pay and Google Pay are not affected).",
  ["This is required by card rules and cannot be turned off."])
A("bnk-03", "fact", "How long do I have to approve an online payment in the app?", "5 minutes; after that the payment is declined.",
  ["You have 5 minutes to approve; after that the payment is declined."])
A("bnk-03", "howto", "My phone has no signal, how can I approve an online payment?", "Use the one-time code sent by SMS.",
  ["If your phone is offline, you can approve with a one-time code sent by SMS."])
A("bnk-03", "multistep", "If I raise my daily ATM limit to the max, how much more cash can I get per day than now on the default?", "1,000 EUR more: the maximum is 1,500 EUR against the 500 EUR default.",
  ["| ATM withdrawals per day | 500 EUR | 1,500 EUR |"])
A("bnk-03", "casual", "payment declined and it says merchant blocked??", "You have blocked gambling merchants in Card > Security.",
  ["- **Merchant blocked**: you have blocked gambling merchants in **Card > Security**."])
N("bnk-03", "missing-number", "What's the monthly limit for card payments?", "Only daily card payment limits are given; no monthly card payment limit is stated.")
N("bnk-03", "missing-feature", "Can I raise my limit just for one day and have it go back automatically?", "Temporary limit changes are not mentioned.")
N("bnk-03", "missing-number", "How much cashback can I ask for at a supermarket till?", "Cash at the till is not mentioned.")
N("bnk-03", "missing-feature", "Can I block crypto exchanges in Card > Security like gambling sites?", "Only blocking gambling merchants is mentioned.")
N("bnk-03", "missing-feature", "Will the app warn me when I'm close to my daily limit?", "Only a notification when a raised limit becomes active is mentioned.")
N("bnk-03", "missing-condition", "Can a parent change the limits on their child's Junior account?", "Who controls Junior account limits is not stated.")
N("bnk-03", "mixed", "Does the 24-hour delay also apply when I raise a virtual card's spending limit?", "Virtual cards have their own monthly limit, but nothing says whether the 24-hour delay applies to it.")
N("bnk-03", "missing-number", "Is there a maximum number of card payments I can make per day?", "Limits are given in amounts only; no limit on the number of payments is stated.")
N("bnk-03", "missing-feature", "Can I set a lower card limit for weekends than for weekdays?", "Limits are per day or month; different weekend limits are not mentioned.")
N("bnk-03", "missing-feature", "Can I approve online payments with my fingerprint on a smartwatch?", "Approval is described in the app or by SMS code only; smartwatches are not mentioned.")
N("bnk-03", "off-topic", "Who won the Champions League last year?", "Off-topic: football.")

# ---- bnk-04 paying and withdrawing abroad
A("bnk-04", "fact", "In how many currencies does the Pennant card work?", "Over 150 currencies, wherever the card network is accepted.",
  ["Your Pennant card works in over 150 currencies wherever the card network is accepted."])
A("bnk-04", "multistep", "What markup will I pay on a Saturday card payment in Thai baht?", "2%: the baht isn't on the list of major currencies, and weekend payments in other currencies have a 2% markup.",
  ["Major currencies: USD, GBP, CHF, JPY, SEK, NOK, DKK, PLN and CZK.", "we add a markup of 1% for major currencies and 2% for all others"])
A("bnk-04", "yesno", "Do I still pay the weekend markup on Metal?", "Yes, the weekend markup applies on every plan, including Metal.",
  ["The weekend markup applies on every plan, including Metal."])
A("bnk-04", "fact", "When exactly does the weekend exchange markup start and end?", "From Friday 23:00 to Sunday 23:00 Central European Time.",
  ["from Friday 23:00 to Sunday 23:00 Central European Time"])
A("bnk-04", "casual", "atm asking me euros or local currency which one do i pick", "Always choose the local currency; choosing euros uses the ATM's own, usually worse, rate.",
  ["always choose the local currency"])
A("bnk-04", "yesno", "The ATM in Mexico charged me a fee. Will Pennant refund it?", "No. Pennant cannot refund ATM operator fees.",
  ["We cannot refund ATM operator fees."])
A("bnk-04", "fact", "How many currencies can I hold on Plus?", "Up to 25 currencies.",
  ["On Plus and Metal you can hold balances in up to 25 currencies and exchange between them in the app."])
A("bnk-04", "yesno", "Do I need to tell you before I travel?", "No. Just check that Card > Security > Payments abroad is turned on (it is on by default).",
  ["You don't need to tell us you're travelling. Check that **Card > Security > Payments abroad** is turned on."])
A("bnk-04", "multistep", "I'm on Standard and this month I've paid 1,500 EUR worth of dollars by card, all on weekdays. What did the exchange cost?",
  "2.50 EUR: the first 1,000 EUR has no markup, and the 500 EUR above the cap has a 0.5% fee.",
  [("bnk-01", "| Foreign exchange on weekdays | No markup up to 1,000 EUR a month | No markup, no cap | No markup, no cap |"),
   ("bnk-01", "Foreign exchange above the monthly cap has a 0.5% fee.")])
A("bnk-04", "yesno", "Can I keep a balance in US dollars on a Standard account?", "No, Standard accounts hold euros only.",
  ["Standard accounts hold euros only."])
A("bnk-04", "casual", "card keeps getting declined in the US, what should i check", "Check that Card > Security > Payments abroad is on; if it's off, payments outside the EEA are declined.",
  ["If it's off, card payments and withdrawals outside the European Economic Area are declined."])
N("bnk-04", "missing-feature", "Can I order foreign cash to be delivered before my trip?", "Ordering physical currency is never mentioned.")
N("bnk-04", "mixed", "Is there a weekend markup when I exchange between my GBP and EUR balances in the app?", "The weekend markup is stated for card payments and withdrawals; in-app exchanges between balances are not addressed.")
N("bnk-04", "missing-condition", "Is the weekend markup also added on public holidays?", "Only the Friday-to-Sunday weekend window is stated; holidays are not mentioned.")
N("bnk-04", "missing-feature", "Can I lock in an exchange rate a week before my trip?", "Rate locking is not mentioned.")
N("bnk-04", "missing-condition", "Will my card work in Cuba?", "No country list or restrictions are given, only that it works wherever the card network is accepted.")
N("bnk-04", "missing-number", "What's the Pennant rate for US dollars today?", "No actual rates are given, only that the rate follows the interbank rate.")
N("bnk-04", "missing-feature", "Do I earn interest on money I hold in other currencies?", "Interest on balances is never mentioned.")
N("bnk-04", "missing-feature", "Is there a partner ATM network abroad where the operator doesn't charge?", "No ATM partners are mentioned.")
N("bnk-04", "missing-number", "How much can I exchange between currencies in the app per day?", "No limit on in-app exchanges is stated.")
N("bnk-04", "missing-feature", "Can I add a second currency card just for travel?", "Currency-specific cards are not mentioned.")
N("bnk-04", "off-topic", "Do I need a visa to visit Japan?", "Off-topic: travel visas.")

# ---- bnk-05 disputing a card payment
A("bnk-05", "fact", "How long do I have to dispute a card payment?", "120 days from the payment date (or the expected delivery date for goods that never arrived).",
  ["Raise a dispute within 120 days of the payment date, or of the expected delivery date for goods that never arrived."])
A("bnk-05", "howto", "How do I raise a dispute?", "Open the payment in Transactions, tap Report a problem > Dispute, then describe what happened and upload evidence.",
  ["1. Open the payment in **Transactions**.", "2. Tap **Report a problem > Dispute**.",
   "3. Describe what happened and upload evidence, such as receipts, emails with the merchant or photos."])
A("bnk-05", "yesno", "There's a payment I don't recognise at all. Should I dispute it?", "No, it's not a dispute: report it as unauthorised under Card > Report lost or stolen.",
  ["Payments you don't recognise at all are not disputes: report them as unauthorised under **Card > Report lost or stolen**."])
A("bnk-05", "yesno", "Can I dispute a cryptocurrency purchase?", "No, gambling payments and cryptocurrency purchases cannot be disputed.",
  ["- Gambling payments and cryptocurrency purchases"])
A("bnk-05", "fact", "How long does the merchant have to respond to my dispute?", "Up to 45 days.",
  ["The merchant has up to 45 days to respond through the card network."])
A("bnk-05", "yesno", "I'm disputing a 30 EUR charge. Will I get a temporary credit while it's open?", "Not for that amount: temporary credit is only possible for disputes over 50 EUR.",
  ["For disputes over 50 EUR, we may give you a temporary credit while the case is open."])
A("bnk-05", "casual", "shop promised a refund 2 weeks ago and nothing yet, can i dispute", "You can dispute once a promised refund hasn't arrived after 15 days, so after one more day.",
  ["- A refund the merchant promised hasn't arrived after 15 days."])
A("bnk-05", "fact", "How long do disputes usually take to resolve?", "Most are resolved within 90 days; the first review is within 5 business days.",
  ["Most disputes are resolved within 90 days.", "We review your dispute within 5 business days."])
A("bnk-05", "yesno", "I bought a jacket and changed my mind. Can I dispute it?", "No, payments where you simply changed your mind cannot be disputed.",
  ["- Payments where you simply changed your mind"])
A("bnk-05", "yesno", "I sent a SEPA transfer to a scammer. Can I dispute it like a card payment?", "No, transfers you sent to another bank account are not card payments and cannot be disputed.",
  ["- Transfers you sent to another bank account; these are not card payments"])
A("bnk-05", "howto", "where do i see whats happening with my dispute", "Under Transactions > Disputes.",
  ["You can follow the status under **Transactions > Disputes**."])
N("bnk-05", "missing-condition", "Can I dispute a payment made with a single-use virtual card?", "Single-use card refunds are covered, but disputes on them are not addressed.")
N("bnk-05", "missing-number", "Is there a fee for raising a dispute?", "No dispute fee (or absence of one) is stated.")
N("bnk-05", "missing-feature", "Can I raise a dispute by email instead of in the app?", "Only the in-app route is described.")
N("bnk-05", "missing-feature", "Can I appeal if the merchant wins the dispute?", "The articles say you're told why; appeals are not mentioned.")
N("bnk-05", "missing-number", "How quickly will the temporary credit appear in my account?", "Temporary credit may be given, but no timing is stated.")
N("bnk-05", "missing-condition", "Can I dispute my own Pennant Metal fee?", "Disputes are about merchants; disputing Pennant's own fees is not addressed.")
N("bnk-05", "missing-condition", "Can my partner raise a dispute on my behalf?", "Who else can raise a dispute is not stated.")
N("bnk-05", "missing-number", "What's the maximum file size for the evidence I upload?", "Upload limits are not mentioned.")
N("bnk-05", "missing-condition", "Can I dispute a foreign payment because the exchange rate was worse than I expected?", "Exchange-rate complaints are not among the listed reasons or exclusions.")
N("bnk-05", "missing-condition", "Will raising a dispute affect my credit score?", "Credit scores are never mentioned.")
N("bnk-05", "off-topic", "How do I return something I bought on Amazon?", "Off-topic: another company's returns.")

# ---- bnk-06 virtual and single-use cards
A("bnk-06", "fact", "How many virtual cards can I have on Plus?", "5 virtual cards (and 20 single-use cards a month).",
  ["| Plus | 5 | 20 |"])
A("bnk-06", "yesno", "Can I withdraw cash at an ATM with a virtual card?", "No, virtual cards can't be used at ATMs.",
  ["but not at ATMs or for payments that need a physical card"])
A("bnk-06", "howto", "How do I make a virtual card?", "Go to Cards > Add card > Virtual; it's ready to use immediately.",
  ["Go to **Cards > Add card > Virtual**. The card is ready to use immediately."])
A("bnk-06", "yesno", "Can a virtual card have a higher limit than my main card?", "No. It can be lower but never higher.",
  ["A virtual card's limit can be lower than your main card's limit but never higher."])
A("bnk-06", "yesno", "Can I use a single-use card for my Spotify subscription?", "No, single-use cards cannot be used for subscriptions.",
  ["Single-use cards cannot be used for subscriptions or any payment the merchant will charge again later"])
A("bnk-06", "yesno", "If a shop refunds me to a single-use card that's already gone, do I still get the money?", "Yes, refunds to a single-use card still reach your account.",
  ["Refunds to a single-use card still reach your account even though the card no longer exists."])
A("bnk-06", "fact", "When do virtual cards expire?", "After 3 years; a replacement with a new number is created 30 days before expiry.",
  ["Virtual cards expire after 3 years. We create a replacement with a new number 30 days before expiry"])
A("bnk-06", "yesno", "If I report my physical card lost, are my virtual cards cancelled too?", "No, reporting the physical card lost does not cancel virtual cards.",
  ["reporting your physical card lost does not cancel them"])
A("bnk-06", "multistep", "On Standard, how many single-use cards can I create in a year?", "36: 3 a month for 12 months.",
  ["| Standard | 1 | 3 |"])
A("bnk-06", "casual", "deleted my virtual card by mistake can i get it back", "No, deleted cards can't be restored; create a new one instead.",
  ["Deleted cards cannot be restored; create a new one instead."])
N("bnk-06", "missing-number", "Is there a fee to create a virtual card?", "The articles don't say whether virtual cards cost anything.")
N("bnk-06", "missing-feature", "Can I add my virtual card to Samsung Pay?", "Only Apple Pay and Google Pay are mentioned.")
N("bnk-06", "missing-feature", "Can I order a plastic version of one of my virtual cards?", "Not mentioned.")
N("bnk-06", "missing-condition", "Can a Junior account have virtual cards?", "Junior accounts are not mentioned in connection with virtual cards.")
N("bnk-06", "missing-feature", "Can I share a virtual card with my partner so they can use it too?", "Sharing cards is not mentioned.")
N("bnk-06", "missing-feature", "Can I get a virtual card that pays in US dollars?", "Currencies for virtual cards are not mentioned.")
N("bnk-06", "mixed", "Do payments with a virtual card earn Metal cashback?", "Metal cashback is on card payments in Europe; nothing says whether virtual card payments count.")
N("bnk-06", "missing-feature", "Can I lock a virtual card to one merchant only?", "Merchant-locked cards are not mentioned.")
N("bnk-06", "nonexistent-plan", "How many virtual cards come with Pennant Ultra?", "There is no Ultra plan; only Standard, Plus and Metal.")
N("bnk-06", "missing-number", "How long after a single-use card payment is the new number generated?", "A new number is generated for next time, but no timing is given.")
N("bnk-06", "off-topic", "Which password manager is best for storing card numbers?", "Off-topic: other products.")

# ---- bnk-07 transfers and direct deposits
A("bnk-07", "fact", "What's the fee for an international transfer outside SEPA?", "0.6% of the amount, minimum 3 EUR.",
  ["| International (non-SEPA) | 1 to 4 business days | 0.6%, minimum 3 EUR | 20,000 EUR |"])
A("bnk-07", "multistep", "How much would it cost to send 200 EUR to a bank outside SEPA?", "3 EUR: 0.6% would be 1.20 EUR, so the 3 EUR minimum applies.",
  ["| International (non-SEPA) | 1 to 4 business days | 0.6%, minimum 3 EUR | 20,000 EUR |"])
A("bnk-07", "multistep", "What's the fee to send 10,000 EUR to a bank in the US?", "60 EUR (0.6%), arriving in 1 to 4 business days.",
  ["| International (non-SEPA) | 1 to 4 business days | 0.6%, minimum 3 EUR | 20,000 EUR |"])
A("bnk-07", "howto", "Where do I find my IBAN?", "In Profile > Account details.",
  ["Your IBAN and BIC are in **Profile > Account details**."])
A("bnk-07", "fact", "How fast is a SEPA Instant transfer?", "Within 10 seconds, free.",
  ["| SEPA Instant | Within 10 seconds | Free | 15,000 EUR |"])
A("bnk-07", "yesno", "Can I cancel an instant transfer I just sent?", "No, Instant and Pennant-to-Pennant transfers cannot be cancelled once sent.",
  ["Instant and Pennant-to-Pennant transfers cannot be cancelled once sent."])
A("bnk-07", "fact", "What's the largest SEPA standard transfer I can send?", "50,000 EUR per transfer.",
  ["| SEPA standard | Next business day | Free | 50,000 EUR |"])
A("bnk-07", "casual", "sent a normal sepa transfer friday 5pm when does it actually go", "The next business day, because it was after the 16:00 CET cut-off.",
  ["Transfers made after 16:00, or at weekends and bank holidays, leave the next business day."])
A("bnk-07", "howto", "Can I set up my rent to go out every month automatically?", "Yes, schedule a transfer and set it to repeat monthly (or weekly).",
  ["You can schedule a transfer up to 1 year ahead or set it to repeat weekly or monthly."])
A("bnk-07", "fact", "What happens if there isn't enough money for a scheduled transfer?", "It's retried at 12:00 and 18:00; then that payment is cancelled and you're notified.",
  ["If you don't have enough money at 06:00, we try again at 12:00 and 18:00, then cancel that payment and notify you."])
N("bnk-07", "missing-feature", "Can I receive US dollars straight into my IBAN?", "Only receiving euros from SEPA banks is described.")
N("bnk-07", "missing-feature", "Can I send money to someone using PayPal from the app?", "PayPal is never mentioned.")
N("bnk-07", "missing-number", "What's the total I can transfer in a day?", "Only per-transfer limits are given, no daily total.")
N("bnk-07", "missing-feature", "Can I request money from a friend with a payment link?", "Payment requests or links are not mentioned.")
N("bnk-07", "missing-feature", "Do you offer getting paid early when my salary comes in by direct deposit?", "Early salary is not mentioned.")
N("bnk-07", "missing-condition", "Is there a fee to receive an international transfer from outside SEPA?", "Fees are given only for sending.")
N("bnk-07", "missing-feature", "Can I set up a direct debit for my gym membership?", "Direct debits are not mentioned.")
N("bnk-07", "missing-number", "What exchange rate do you use when I send euros to a bank in India?", "The rate for international transfers is not stated.")
N("bnk-07", "missing-condition", "Which bank holidays count for the SEPA cut-off?", "Bank holidays are mentioned but not listed.")
N("bnk-07", "missing-feature", "Can I track an international transfer with a SWIFT reference?", "Transfer tracking is not mentioned.")
N("bnk-07", "off-topic", "What time does the post office close on Saturdays?", "Off-topic.")

# ---- bnk-08 opening an account and verifying identity
A("bnk-08", "yesno", "Can I verify my identity with my driving licence?", "No, driving licences are not accepted; use a passport, national ID card or EU residence permit.",
  ["A valid passport, national identity card or EU residence permit. Driving licences are not accepted."])
A("bnk-08", "fact", "How old do I have to be to open an account?", "18 or older; 13 to 17 year olds can have a Junior account opened by a parent or guardian.",
  ["You can open a Pennant account if you are 18 or older",
   "Customers aged 13 to 17 can have a Pennant Junior account, opened by a parent or guardian who already has a Pennant account."])
A("bnk-08", "yesno", "Can my wife and I open a joint account?", "No, joint accounts are not available.",
  ["Joint accounts are not available."])
A("bnk-08", "fact", "What phone do I need for the app?", "A smartphone with iOS 16 or Android 10 or later.",
  ["A smartphone with iOS 16 or Android 10 or later."])
A("bnk-08", "fact", "How long does verification take?", "Usually under 10 minutes; up to 2 business days if checked manually.",
  ["Most people are verified in under 10 minutes. If we need to check something manually, it can take up to 2 business days."])
A("bnk-08", "yesno", "Can I use a mobile phone bill as proof of address?", "No, mobile phone bills are not accepted; use a utility bill or bank statement from the last 3 months.",
  ["Mobile phone bills are not accepted."])
A("bnk-08", "yesno", "I'm a freelancer. Can I open a business account?", "No, Pennant does not offer business accounts, but sole traders may use a personal account for occasional business payments.",
  ["Pennant does not offer business accounts. Sole traders may use a personal account for occasional business payments."])
A("bnk-08", "casual", "my passport runs out in 3 weeks, will verification still work", "No, verification fails if the document expires within 30 days.",
  ["The document has expired or will expire within 30 days"])
A("bnk-08", "fact", "How much can I top up before my verification is finished?", "150 EUR.",
  ["with a limit of 150 EUR in top-ups until verification is complete"])
A("bnk-08", "yesno", "Can my 12-year-old get a Junior account?", "No, Junior accounts are for ages 13 to 17.",
  ["Customers aged 13 to 17 can have a Pennant Junior account"])
A("bnk-08", "yesno", "Can I open a second personal account to keep my savings separate?", "No, each person can have one personal account.",
  ["Each person can have one personal account."])
N("bnk-08", "missing-number", "What's the monthly fee for a Junior account?", "Junior accounts are mentioned but no fee is given.")
N("bnk-08", "missing-feature", "Can I verify my identity on a video call with an agent instead of a selfie video?", "Only the app's selfie video is described.")
N("bnk-08", "missing-feature", "Do you have a savings account that pays interest?", "Savings accounts and interest are never mentioned.")
N("bnk-08", "missing-condition", "Do both parents need to agree to open a Junior account?", "Only that a parent or guardian with an account opens it; consent of both is not addressed.")
N("bnk-08", "missing-number", "How much business income can a sole trader run through a personal account?", "Only 'occasional business payments' is stated; no amount.")
N("bnk-08", "missing-feature", "Does a Junior account turn into a normal account automatically at 18?", "What happens at 18 is not stated.")
N("bnk-08", "missing-condition", "Do I need a tax identification number to sign up?", "Tax numbers are not mentioned in the requirements.")
N("bnk-08", "missing-feature", "Is my money protected by a deposit guarantee scheme?", "Deposit protection is never mentioned.")
N("bnk-08", "missing-number", "How long do I have to wait after three failed verification attempts before I can try again?", "After the third failure you contact support; no waiting period is given.")
N("bnk-08", "missing-feature", "Do I get a bonus if I invite a friend to open an account?", "Referral bonuses are never mentioned.")
N("bnk-08", "off-topic", "How do I renew my passport?", "Off-topic: government services.")
