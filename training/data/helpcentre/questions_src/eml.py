# Mailkite (email marketing). Labels checked against all eight eml-* articles.

# ---- eml-01 plans and contact limits
A("eml-01", "fact", "How much is Grow for 10,000 contacts?", "75 USD a month.",
  ["| Grow | 10,000 | 75 USD | 10x contacts |"])
A("eml-01", "fact", "How many emails can I send a month on the Free plan?", "2,000 emails a month (for up to 500 contacts).",
  ["| Free | 500 | 0 USD | 2,000 |"])
A("eml-01", "multistep", "If I pay yearly, what does Pro with 50,000 contacts cost for the year?", "4,500 USD: annual billing charges 10 months of the 450 USD monthly price for 12 months.",
  ["| Pro | 50,000 | 450 USD | Unlimited |", "Annual billing gives 2 months free: you pay for 10 months and get 12."])
A("eml-01", "multistep", "How many emails a month do I get on Grow with 2,500 contacts?", "25,000: Grow allows 10 times your contacts.",
  ["| Grow | 2,500 | 25 USD | 10x contacts |"])
A("eml-01", "yesno", "Can I get rid of the 'Sent with Mailkite' footer on Free?", "No, on Free it cannot be removed; Grow removes it.",
  ["Emails carry a \"Sent with Mailkite\" footer that cannot be removed.", "Removes the Mailkite footer"])
A("eml-01", "yesno", "If someone is on three of my lists, do they count as three contacts?", "No, every contact counts once, even on several lists.",
  ["Every contact counts once, even if it's on several lists."])
A("eml-01", "multistep", "I'm on Grow for 2,500 contacts and I have 2,800 this month. How much extra will I pay?", "4.50 USD: 300 extra contacts at 1.50 USD per 100.",
  ["| Grow | 2,500 | 25 USD | 10x contacts |", "you're charged 1.50 USD per 100 extra contacts on that month's bill"])
A("eml-01", "yesno", "Do unsubscribed contacts count towards my plan?", "Yes, subscribed, unsubscribed and non-subscribed contacts all count.",
  ["Subscribed, unsubscribed and non-subscribed contacts all count."])
A("eml-01", "fact", "When can I call phone support?", "Phone support is on Pro, weekdays 08:00 to 20:00 Eastern Time.",
  ["phone support on weekdays from 08:00 to 20:00 Eastern Time"])
A("eml-01", "casual", "on free and hit 500 contacts, it wont let me add more??", "On Free you can't add contacts above 500 until you upgrade or remove some.",
  ["On Free, you can't add contacts above 500 until you upgrade or remove some."])
N("eml-01", "nonexistent-plan", "What's included in the Mailkite Enterprise plan?", "There is no Enterprise plan; only Free, Grow and Pro.")
N("eml-01", "missing-number", "How much is Pro for 100,000 contacts?", "Pro prices are given only for 10,000 and 50,000 contacts.")
N("eml-01", "missing-condition", "Do you give nonprofits a discount?", "No nonprofit pricing is mentioned.")
N("eml-01", "missing-feature", "Can I pay for my plan with PayPal?", "Payment methods are not mentioned.")
N("eml-01", "missing-condition", "Is there a free trial of Pro?", "Trials are not mentioned.")
N("eml-01", "missing-number", "How many audiences can I have on Grow?", "Only Free's single audience is stated; Grow's number of audiences is not.")
N("eml-01", "missing-condition", "If I switch from annual back to monthly, do I get the unused months refunded?", "Refunds and switching billing period are not addressed.")
N("eml-01", "missing-feature", "Do you have a pay-as-you-go option with email credits?", "Only monthly plans by contact count are described.")
N("eml-01", "missing-condition", "Can I be billed in euros instead of dollars?", "Prices are given in USD only; other billing currencies are not mentioned.")
N("eml-01", "missing-number", "Do your prices include VAT?", "Tax is not mentioned.")
N("eml-01", "off-topic", "How do I set up an out-of-office reply in Gmail?", "Off-topic: another company's product.")

# ---- eml-02 sending limits and account review
A("eml-02", "fact", "How many emails a day can a brand new account send?", "At most 2,000 a day for the first 30 days, whatever the plan.",
  ["For the first 30 days, each account can send at most 2,000 emails per day, whatever its plan."])
A("eml-02", "fact", "What's the daily sending limit after the first month?", "20,000 a day after 30 days with healthy results.",
  ["After 30 days with healthy results, the daily limit rises to 20,000."])
A("eml-02", "howto", "We're on Pro. How do we get a higher daily limit?", "After the first 30 days, request it from Account > Sending limits; requests are answered within 2 business days.",
  ["Pro accounts can ask for a higher limit from **Account > Sending limits** after the first 30 days; requests are answered within 2 business days."])
A("eml-02", "fact", "At what bounce rate does my sending get paused?", "Above 5% (a warning comes above 2%).",
  ["| Bounce rate | Above 2% | Above 5% |"])
A("eml-02", "yesno", "Can a high unsubscribe rate pause my sending?", "No; above 1.5% you get a warning, but there is no pause.",
  ["| Unsubscribe rate | Above 1.5% | No pause |"])
A("eml-02", "fact", "What time do daily sending limits reset?", "At 00:00 UTC.",
  ["Daily limits reset at 00:00 UTC."])
A("eml-02", "casual", "got error MK-551 halfway through a campaign??", "The daily limit was reached; the rest of the campaign is queued and sends automatically after the next reset.",
  ["**MK-551: Daily limit reached.** The rest of the campaign is queued and sends automatically after the next reset."])
A("eml-02", "yesno", "Our account was closed after being paused 3 times. Can we reopen it?", "No, accounts paused 3 times within 12 months are closed and cannot be reopened.",
  ["Accounts paused 3 times within 12 months are closed and cannot be reopened."])
A("eml-02", "yesno", "Can I send emails promoting a crypto token?", "No, cryptocurrency promotions are not allowed and lead to immediate suspension.",
  ["- Cryptocurrency promotions and payday loans", "Sending these leads to immediate suspension without a review."])
A("eml-02", "fact", "How long does the compliance review take after a pause?", "Within 1 business day.",
  ["Our compliance team reviews paused accounts within 1 business day."])
A("eml-02", "multistep", "My spam complaint rate is 0.09%. Will sending be paused?", "No, not yet: 0.09% is above the 0.08% warning level but not above the 0.1% pause level.",
  ["| Spam complaint rate | Above 0.08% | Above 0.1% |"])
N("eml-02", "missing-number", "What's the highest daily limit a Pro account can get on request?", "Pro can ask for a higher limit, but no maximum is stated.")
N("eml-02", "missing-feature", "Can I get a dedicated IP address?", "Dedicated IPs are never mentioned.")
N("eml-02", "missing-condition", "Do the health thresholds apply to transactional emails too?", "Transactional email is not discussed in relation to thresholds.")
N("eml-02", "missing-number", "What open rate triggers a warning?", "Only bounce, spam complaint and unsubscribe rates have thresholds; open rate does not appear.")
N("eml-02", "missing-condition", "Are political campaign emails allowed?", "Political content is not in the list of disallowed content or addressed elsewhere.")
N("eml-02", "missing-condition", "Can I appeal an immediate suspension?", "Appeals are not mentioned.")
N("eml-02", "missing-number", "How many emails per hour can I send?", "Only daily limits are given.")
N("eml-02", "mixed", "Do automation emails count towards the daily sending limit?", "Automation emails count towards the monthly limit on Free and Grow; the daily limit is not addressed for them.")
N("eml-02", "missing-feature", "Can I skip the 30-day warm-up by verifying my business?", "No way to shorten the first 30 days is mentioned.")
N("eml-02", "missing-condition", "Do my bounce rates reset if I switch to a new sending domain?", "Nothing links domain changes to the averaged rates.")
N("eml-02", "off-topic", "How do I unblock a website on my work laptop?", "Off-topic.")

# ---- eml-03 importing contacts and consent
A("eml-03", "fact", "Which file formats can I import contacts from?", "CSV or XLSX.",
  ["- CSV or XLSX, up to 50 MB or 500,000 rows per file"])
A("eml-03", "fact", "What's the biggest file I can import?", "Up to 50 MB or 500,000 rows per file.",
  ["- CSV or XLSX, up to 50 MB or 500,000 rows per file"])
A("eml-03", "yesno", "What happens if the same email address is in my file twice?", "They're merged; the last row wins.",
  ["Duplicate email addresses in the same file are merged: the last row wins."])
A("eml-03", "yesno", "Will an import overwrite details of contacts I already have?", "Only if you tick Update existing contacts, which is off by default.",
  ["Addresses already in your audience are updated only if you tick **Update existing contacts**. Default: off."])
A("eml-03", "howto", "How do I import a contact list?", "Go to Audience > Import and upload the file, match each column to a field, choose a subscription status, and add a tag.",
  ["1. Go to **Audience > Import** and upload the file.", "2. Match each column to a Mailkite field.",
   "3. Choose a subscription status: Subscribed, Unsubscribed or Non-subscribed.", "4. Add a tag so you can find this import later."])
A("eml-03", "fact", "How long does an import take?", "Up to 10,000 rows usually a few minutes; larger files up to an hour, with an email when done.",
  ["Imports of up to 10,000 rows usually finish in a few minutes. Larger files can take up to an hour; you get an email when they're done."])
A("eml-03", "casual", "why is my import held for review", "It has more than 10% role addresses (like info@) or invalid addresses; review takes up to 1 business day.",
  ["If an import has more than 10% role addresses (like info@ or sales@) or invalid addresses, it's held for review by our compliance team. Reviews take up to 1 business day."])
A("eml-03", "yesno", "Can I switch a contact from Unsubscribed back to Subscribed?", "No, the person must resubscribe through a form.",
  ["You can't change a contact from Unsubscribed to Subscribed yourself; the person must resubscribe through a form."])
A("eml-03", "fact", "What happens to double opt-in subscribers who never confirm?", "They're removed after 7 days.",
  ["Unconfirmed subscribers are removed after 7 days."])
A("eml-03", "yesno", "Can I import people who signed up to my newsletter 3 years ago and haven't heard from me since?", "No, only import people who agreed to receive email from you in the last 2 years.",
  ["Only import people who have agreed to receive email from you in the last 2 years."])
A("eml-03", "multistep", "I have 1.2 million contacts in one CSV. How many files do I need to split it into?", "At least 3, because each file can have up to 500,000 rows (and must stay under 50 MB).",
  ["- CSV or XLSX, up to 50 MB or 500,000 rows per file"])
N("eml-03", "missing-feature", "Can I import contacts straight from Google Contacts?", "Only file imports are described.")
N("eml-03", "missing-number", "How many imports can I do per day?", "No limit on the number of imports is stated.")
N("eml-03", "missing-condition", "Does the 2-year consent rule only apply to EU contacts?", "The rule is stated without any regional scope; nothing says it differs by region.")
N("eml-03", "missing-feature", "Can I change the wording of the double opt-in confirmation email?", "Customising the confirmation email is not mentioned.")
N("eml-03", "missing-feature", "Can I set up a recurring import from a Google Sheet?", "Recurring or linked imports are not mentioned.")
N("eml-03", "mixed", "What encoding does an XLSX file need to be in?", "UTF-8 is required for CSV files only; nothing is said about XLSX encoding.")
N("eml-03", "missing-number", "Is there a charge for importing contacts?", "Import fees are not mentioned.")
N("eml-03", "missing-feature", "Can I undo an import if I uploaded the wrong file?", "Undoing an import is not mentioned.")
N("eml-03", "missing-feature", "Does Mailkite do SMS marketing too?", "SMS is never mentioned.")
N("eml-03", "missing-feature", "Can I import contacts through Zapier?", "Zapier is never mentioned.")
N("eml-03", "off-topic", "How do I convert a PDF into an Excel file?", "Off-topic.")

# ---- eml-04 unsubscribes, bounces and list cleaning
A("eml-04", "yesno", "Can I send a campaign without the unsubscribe link?", "No, campaigns without it can't be sent; Mailkite adds it to the footer automatically.",
  ["Every campaign must include the unsubscribe link, which Mailkite adds to the footer automatically. Campaigns without it can't be sent."])
A("eml-04", "fact", "How quickly is someone removed after they unsubscribe?", "Within 1 minute, from all future campaigns and automations.",
  ["When someone unsubscribes, they're removed from all future campaigns and automations within 1 minute."])
A("eml-04", "yesno", "Can unsubscribed contacts still get their order receipts?", "Yes, transactional emails such as receipts, if sent through Mailkite Transactional.",
  ["They can still receive transactional emails, such as receipts, if you send those through Mailkite Transactional."])
A("eml-04", "fact", "How long does Mailkite retry a soft bounce?", "For 72 hours; the contact is cleaned after 7 soft bounces in a row.",
  ["| Soft bounce | Mailbox full, server temporarily unavailable | Retries for 72 hours; cleans after 7 soft bounces in a row |"])
A("eml-04", "fact", "When does a contact get marked Inactive?", "After 180 days without opening or clicking any email.",
  ["Contacts who haven't opened or clicked any email in 180 days are marked **Inactive**."])
A("eml-04", "yesno", "Do inactive contacts still receive my campaigns?", "Yes, unless you exclude them.",
  ["Inactive contacts still receive campaigns unless you exclude them."])
A("eml-04", "yesno", "Can I bring cleaned contacts back by importing them again?", "No, cleaned contacts can't be re-subscribed by import.",
  ["They can't be re-subscribed by import."])
A("eml-04", "howto", "How do I make sure we never email people who made a legal request?", "Upload their addresses to Audience > Suppression; they're blocked even if later added by a form or import.",
  ["Upload addresses you must never email, such as legal requests, to **Audience > Suppression**.",
   "Suppressed addresses are blocked even if they're later added by a form or an import."])
A("eml-04", "casual", "someone hit spam on my email, can i still mail them", "No, they're unsubscribed straight away and can't be emailed again unless they sign up through a form.",
  ["Mailkite unsubscribes them straight away and records a complaint on the campaign. You can't email them again unless they sign up through a form."])
A("eml-04", "fact", "What reasons can people pick when they unsubscribe?", "Too many emails, not relevant, never signed up, or other; the survey is optional.",
  ["contacts can pick a reason: too many emails, not relevant, never signed up, or other"])
A("eml-04", "multistep", "One of my contacts' addresses no longer exists. Will they still count towards my plan?", "No: a non-existent address is a hard bounce, which is cleaned immediately, and cleaned contacts don't count.",
  ["| Hard bounce | Address doesn't exist, domain not found | Cleans the contact immediately |",
   "Cleaned contacts can't be emailed and don't count towards your plan."])
N("eml-04", "missing-feature", "Can I put my logo on the unsubscribe page?", "The unsubscribe page's design is not mentioned.")
N("eml-04", "missing-number", "How much does Mailkite Transactional cost?", "Mailkite Transactional is named but its price is not given.")
N("eml-04", "missing-feature", "Can I automatically send a win-back email to contacts when they become inactive?", "Becoming inactive is not among the automation triggers or otherwise described as a trigger.")
N("eml-04", "missing-condition", "Can I change the 180-day inactivity period to 90 days?", "Whether the 180-day period can be changed is not stated.")
N("eml-04", "missing-number", "How many addresses can the suppression list hold?", "No size limit is given.")
N("eml-04", "missing-feature", "Can I export a list of my cleaned contacts?", "Exporting cleaned contacts is not mentioned.")
N("eml-04", "missing-feature", "Do you have a preference centre where subscribers pick which topics they want?", "Preference centres are not mentioned.")
N("eml-04", "missing-condition", "Do soft bounces count towards my bounce rate?", "The bounce-rate thresholds don't say whether soft bounces are included.")
N("eml-04", "missing-feature", "Can I add my own options to the unsubscribe reason list?", "Only the four fixed reasons are described; customising them is not mentioned.")
N("eml-04", "missing-number", "After how many retries within the 72 hours does a soft bounce give up?", "Only the 72-hour window and 7 soft bounces in a row are stated; the retry count is not.")
N("eml-04", "off-topic", "Why is my Outlook inbox full?", "Off-topic: another company's product.")

# ---- eml-05 automations
A("eml-05", "fact", "How many automations can I run on Grow?", "Up to 20 active automations, up to 10 steps each.",
  ["- Grow: up to 20 active automations, up to 10 steps each"])
A("eml-05", "yesno", "Can I build a multi-step automation on the Free plan?", "No, Free is limited to one welcome email.",
  ["- Free: one welcome email, sent when someone joins your audience"])
A("eml-05", "fact", "What triggers can start an automation?", "Joins a list, gets a tag, clicks a link in a campaign, a date field (birthday or anniversary), abandons a cart (with a connected store), and API event.",
  ["Available triggers are: joins a list, gets a tag, clicks a link in a campaign, date field (birthday or anniversary), abandons a cart (with a connected store), and API event."])
A("eml-05", "fact", "What time do birthday emails go out?", "09:00 in the contact's time zone, or your account's time zone if theirs isn't known.",
  ["Date triggers send at 09:00 in the contact's time zone, or your account's time zone if the contact's isn't known."])
A("eml-05", "fact", "What's the longest delay I can put between two steps?", "90 days (the range is 1 hour to 90 days).",
  ["Between steps, add a delay of 1 hour to 90 days."])
A("eml-05", "yesno", "Can a contact go through the same automation more than once?", "Only with Allow re-entry turned on, and never more than once every 24 hours; by default only once.",
  ["By default, a contact goes through each automation only once.", "Turn on **Allow re-entry** to let them start again whenever the trigger fires, but never more than once every 24 hours."])
A("eml-05", "yesno", "Can I add a step to an automation that's already running?", "Not while it runs: adding or removing steps requires pausing first (editing email content is fine).",
  ["Adding or removing steps requires pausing first."])
A("eml-05", "yesno", "On Grow, do automation emails eat into my monthly email limit?", "Yes, on Free and Grow they count towards the monthly limit.",
  ["Automation emails count towards your monthly email limit on Free and Grow."])
A("eml-05", "casual", "does abandoned cart work with my woocommerce shop", "No, it works with Shopfront and Cartwheel stores only.",
  ["It works with Shopfront and Cartwheel stores only."])
A("eml-05", "fact", "How soon after someone leaves their cart does the abandoned cart email trigger?", "1 hour after a known contact leaves items without ordering.",
  ["The abandoned cart trigger fires 1 hour after a known contact leaves items in the cart without ordering."])
A("eml-05", "yesno", "Can one automation start from two different triggers?", "No, each automation has one trigger.",
  ["Each automation has one trigger."])
N("eml-05", "missing-feature", "Can I add an SMS step to an automation?", "SMS is never mentioned.")
N("eml-05", "missing-number", "How many contacts can be in one automation at the same time?", "No such limit is stated.")
N("eml-05", "missing-feature", "Can I copy an automation to use with another list?", "Duplicating automations is not mentioned.")
N("eml-05", "missing-feature", "Are there ready-made automation templates?", "Automation templates are not mentioned.")
N("eml-05", "missing-condition", "Does a paused automation still count towards my 20 active automations?", "Whether paused automations count as active is not stated.")
N("eml-05", "mixed", "Can I A/B test the emails inside an automation?", "A/B tests are described for campaigns; nothing says whether automation emails can be A/B tested.")
N("eml-05", "missing-number", "What's the rate limit for API event triggers?", "API events are a trigger but no rate limit is given.")
N("eml-05", "missing-feature", "Is there a report showing how many contacts are at each step?", "Automation reporting is not described.")
N("eml-05", "missing-condition", "Can I change the send time of birthday emails from 09:00 to 18:00?", "Date triggers send at 09:00; whether that can be changed is not stated.")
N("eml-05", "missing-feature", "Can an automation email use a different from name than my campaigns?", "Sender settings for automations are not described.")
N("eml-05", "off-topic", "How do I record a macro in Excel?", "Off-topic: another company's product.")

# ---- eml-06 authenticating your sending domain
A("eml-06", "fact", "When do I have to authenticate my domain?", "Since 1 February 2025, for any account sending more than 5,000 emails a day.",
  ["Since 1 February 2025, Mailkite requires an authenticated domain for any account sending more than 5,000 emails a day."])
A("eml-06", "yesno", "Do I need to update my SPF record?", "No, the return path CNAME handles SPF alignment.",
  ["You don't need to change your SPF record: the return path CNAME handles SPF alignment for Mailkite."])
A("eml-06", "howto", "How do I authenticate my domain?", "Go to Settings > Domains > Add domain, enter it, copy the records into your DNS provider, then come back and select Verify.",
  ["1. Go to **Settings > Domains > Add domain** and enter your domain.", "2. Copy the records into your DNS provider.", "3. Come back and select **Verify**."])
A("eml-06", "fact", "How long do DNS changes take to work?", "Up to 48 hours; Mailkite checks every 30 minutes for 3 days.",
  ["DNS changes can take up to 48 hours to spread. Mailkite checks every 30 minutes for 3 days after you add a domain, then stops"])
A("eml-06", "casual", "can i just send campaigns from my personal webmail address", "No, addresses at free mailbox providers are blocked with error MK-610.",
  ["You can't send from addresses at free mailbox providers, such as personal webmail addresses. Campaigns from these addresses are blocked with error MK-610."])
A("eml-06", "fact", "How many domains can I authenticate on Grow?", "Up to 10 (Free 1, Pro unlimited).",
  ["An account can authenticate up to 10 domains on Grow and unlimited on Pro. Free accounts can authenticate 1 domain."])
A("eml-06", "yesno", "Can an editor add our domain?", "No, only the account owner and admins can add or remove domains.",
  ["Only the account owner and admins can add or remove domains."])
A("eml-06", "yesno", "Can I change my DMARC policy to p=reject?", "Yes; Mailkite keeps working as long as DKIM stays in place.",
  ["You can move to `p=quarantine` or `p=reject` later; Mailkite keeps working as long as DKIM stays in place."])
A("eml-06", "fact", "What's the return path record I need to add?", "A CNAME with host bounce and value rp.mailkite.example.",
  ["| Return path | CNAME | bounce | rp.mailkite.example |"])
A("eml-06", "casual", "added the records a week ago and mailkite stopped checking?", "It checks every 30 minutes for 3 days, then stops; select Verify to check again.",
  ["Mailkite checks every 30 minutes for 3 days after you add a domain, then stops; select **Verify** to check again."])
N("eml-06", "missing-feature", "Can Mailkite add the DNS records for me automatically in Cloudflare?", "Automatic DNS setup and Cloudflare are not mentioned.")
N("eml-06", "missing-feature", "Do you support BIMI so my logo shows in inboxes?", "BIMI is never mentioned.")
N("eml-06", "missing-condition", "Do I need to authenticate each subdomain separately?", "Subdomains are not mentioned.")
N("eml-06", "missing-feature", "Can I use my own DKIM key instead of your CNAMEs?", "Custom DKIM keys are not mentioned.")
N("eml-06", "missing-number", "What TTL should I set on the DNS records?", "TTL is not mentioned.")
N("eml-06", "missing-feature", "Can I set up a custom tracking domain for links?", "Link tracking domains are not mentioned.")
N("eml-06", "missing-feature", "Do you show DMARC aggregate reports in the dashboard?", "DMARC reporting is not mentioned.")
N("eml-06", "missing-condition", "Can an agency authenticate a client's domain in its own account?", "Sending for domains owned by others is not addressed.")
N("eml-06", "missing-condition", "Can I authenticate a domain with accented letters in it?", "Internationalised domain names are not mentioned.")
N("eml-06", "missing-condition", "Will my campaigns stop if I remove the DMARC record?", "Only what happens while DKIM stays in place is stated; removing DMARC is not addressed.")
N("eml-06", "off-topic", "How do I transfer my domain to another registrar?", "Off-topic: domain registration.")

# ---- eml-07 team roles
A("eml-07", "fact", "What team roles are there?", "Owner, Admin, Editor and Viewer.",
  ["Each person gets one of four roles.", "| Owner | Everything, including billing and closing the account |",
   "| Admin | Everything except billing and closing the account |"])
A("eml-07", "yesno", "Can an admin update our billing details?", "No, admins can do everything except billing and closing the account.",
  ["| Admin | Everything except billing and closing the account |"])
A("eml-07", "howto", "How do I invite a teammate?", "Under Settings > Team.",
  ["Invite teammates under **Settings > Team**."])
A("eml-07", "howto", "How do I hand over ownership of the account?", "The owner can transfer ownership to an admin; the previous owner becomes an admin.",
  ["The owner can transfer ownership to an admin; the previous owner becomes an admin."])
A("eml-07", "yesno", "We're on Grow. Can I make editors get approval before sending?", "No, Require approval is on Pro; on Grow editors can always send.",
  ["On Pro, admins can turn on **Require approval**.", "On Grow, editors can always send."])
A("eml-07", "yesno", "Can a viewer export our contact list?", "No, only the owner and admins can export contacts; viewers can export reports without email addresses.",
  ["Only the owner and admins can export contacts or delete them. Viewers can export reports, which include counts but no email addresses."])
A("eml-07", "multistep", "On Grow, how many teammates can I invite besides myself as owner?", "2: Grow includes 3 seats, counting the owner.",
  ["Grow includes 3 seats, counting the owner."])
A("eml-07", "yesno", "If I remove a teammate, will their scheduled campaigns still go out?", "Yes, unless you cancel them.",
  ["Scheduled campaigns they created still send unless you cancel them."])
A("eml-07", "fact", "How far back does the activity log go?", "The last 90 days; only the owner and admins can see it.",
  ["The activity log shows sign-ins, sends, exports and role changes for the last 90 days. Only the owner and admins can see it."])
A("eml-07", "casual", "can editors see peoples email addresses", "Yes, editors and viewers can see contact names and email addresses.",
  ["Editors and viewers can see contact names and email addresses."])
A("eml-07", "yesno", "Can our account have two owners?", "No, there is one owner per account.",
  ["There is one owner per account."])
N("eml-07", "missing-number", "How much does an extra seat on Grow cost?", "Grow includes 3 seats; buying more is not mentioned.")
N("eml-07", "missing-feature", "Do you support single sign-on with Okta?", "SSO is never mentioned.")
N("eml-07", "missing-feature", "Can I limit an editor to one audience only?", "Per-audience permissions are not mentioned.")
N("eml-07", "missing-condition", "Does a viewer use up one of the 3 Grow seats?", "Seats count the owner; whether viewers take a seat is not stated.")
N("eml-07", "missing-feature", "Can I give a freelancer access that expires automatically?", "Time-limited access is not mentioned.")
N("eml-07", "missing-feature", "Can two-step verification use a hardware security key?", "The methods for two-step verification are not described.")
N("eml-07", "nonexistent-plan", "How many seats are on the Mailkite Team plan?", "There is no Team plan; plans are Free, Grow and Pro.")
N("eml-07", "missing-condition", "Can I export the activity log?", "Exports appear in the log, but exporting the log itself is not mentioned.")
N("eml-07", "missing-condition", "Can I require two-step verification for admins only, not editors?", "Admins can require it for everyone; per-role requirements are not mentioned.")
N("eml-07", "missing-number", "How long does a teammate invitation stay valid?", "Invitation expiry is not mentioned.")
N("eml-07", "off-topic", "How do I add someone to a Slack channel?", "Off-topic: another company's product.")

# ---- eml-08 A/B tests and send-time optimisation
A("eml-08", "yesno", "Can I A/B test email content on Grow?", "No, content tests are Pro only; Grow can test subject line and from name.",
  ["| Content | Pro |", "| Subject line | Grow and Pro |"])
A("eml-08", "fact", "How many versions can I test on Pro?", "Up to 5 (2 on Grow).",
  ["You can test 2 versions on Grow and up to 5 on Pro."])
A("eml-08", "fact", "What's the default test group size?", "20% of the audience, split equally between versions.",
  ["Default: 20%, split equally between versions."])
A("eml-08", "fact", "What happens if two versions tie?", "Version A wins.",
  ["If versions tie, version A wins."])
A("eml-08", "fact", "What's the minimum audience for an A/B test?", "1,000 recipients; smaller audiences can only be sent as a normal campaign.",
  ["A/B tests need at least 1,000 recipients."])
A("eml-08", "yesno", "Can I use send-time optimisation in an automation?", "No, it's not available for automations.",
  ["it's not available for automations"])
A("eml-08", "fact", "Which winning measure do you recommend?", "Click rate, because open rates can be inflated by privacy features in some mail apps.",
  ["Mailkite recommends click rate for most tests"])
A("eml-08", "multistep", "On Pro I'm testing 4 versions on a 10,000-person audience with the default test group. How many people get each version?", "500: the default test group is 20% (2,000 people), split equally across 4 versions.",
  ["Default: 20%, split equally between versions."])
A("eml-08", "casual", "if i pick the winner manually how long will it wait", "Up to 7 days.",
  ["You can also choose **Pick manually**, which waits until you choose, for up to 7 days."])
A("eml-08", "fact", "Which contacts get send-time optimisation?", "Those with at least 10 opens or clicks in the last 6 months; others get the campaign at your scheduled time.",
  ["It needs at least 10 opens or clicks per contact in the last 6 months; other contacts get the campaign at your scheduled time."])
N("eml-08", "missing-feature", "Can I A/B test the preheader text?", "Preheader text is never mentioned.")
N("eml-08", "missing-number", "What statistical significance does Mailkite use to pick the winner?", "Significance is not mentioned; the winner is the best on the chosen measure.")
N("eml-08", "missing-feature", "Can I test subject and content together as a multivariate test?", "Combining tested elements is not mentioned.")
N("eml-08", "missing-feature", "Can the winner be picked by Google Analytics conversions?", "Winning measures are open rate, click rate or store revenue; Google Analytics is never mentioned.")
N("eml-08", "missing-condition", "Does send-time optimisation avoid sending in the middle of the night?", "Quiet hours are not mentioned.")
N("eml-08", "missing-condition", "Can I stop an A/B test early and send a version right away?", "Ending a test early is not mentioned.")
N("eml-08", "mixed", "Can I get send-time optimisation on Grow as a paid add-on?", "It's available on Pro; add-ons are never mentioned.")
N("eml-08", "missing-number", "How many A/B tests can I run at the same time?", "No limit on concurrent tests is stated.")
N("eml-08", "missing-condition", "Can I test a different sender email address, not just the from name?", "From name tests are listed; sender address tests are not mentioned.")
N("eml-08", "missing-feature", "Does the A/B report show which links were clicked most in each version?", "The report shows results per version; link-level detail is not described.")
N("eml-08", "off-topic", "What's the best time of day to post on Instagram?", "Off-topic: another company's product.")
