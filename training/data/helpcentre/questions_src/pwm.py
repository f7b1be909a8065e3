# Vaultline (password manager). Labels checked against all eight pwm-* articles.

# ---- pwm-01 plans and pricing
A("pwm-01", "fact", "How much is the Family plan per year?", "60 USD a year (or 6 USD a month), for up to 6 users.",
  ["| Family | 6 USD per month | 60 USD per year | up to 6 |"])
A("pwm-01", "multistep", "How much do I save on Personal by paying yearly instead of monthly?", "6 USD a year: 12 x 3.50 USD is 42 USD, against 36 USD annually.",
  ["| Personal | 3.50 USD per month | 36 USD per year | 1 |"])
A("pwm-01", "multistep", "What would Teams cost per year for 10 people on annual billing?", "480 USD: 48 USD per user per year x 10, before tax.",
  ["| Teams | 5 USD per user per month | 48 USD per user per year | 2 to 200 |"])
A("pwm-01", "yesno", "Do your prices include VAT?", "No, sales tax and VAT are added at checkout based on your billing address.",
  ["Prices exclude sales tax and VAT, which are added at checkout based on your billing address."])
A("pwm-01", "yesno", "Can the Free plan sync between my laptop and my phone?", "No, Free syncs to only one device type: computers or mobile devices, not both.",
  ["syncs them to only one device type: either computers or mobile devices, not both"])
A("pwm-01", "fact", "How many times can I switch the device type on Free?", "Three times per account.",
  ["can switch it three times per account"])
A("pwm-01", "yesno", "Does Free include file attachments?", "No, secure file attachments are not included.",
  ["Secure file attachments are not included."])
A("pwm-01", "fact", "How quickly does Personal email support reply?", "Within 24 hours on weekdays.",
  ["Priority email support answers within 24 hours on weekdays."])
A("pwm-01", "yesno", "Can a Family member invite their own friend to our plan?", "No, only the plan owner invites and removes members.",
  ["The plan owner invites and removes members; members cannot invite others."])
A("pwm-01", "yesno", "Do I need a credit card to start the Family trial?", "No, the 30-day trial needs no payment card.",
  ["Personal and Family come with a 30-day trial. No payment card is needed to start it."])
A("pwm-01", "casual", "my trial ran out, did i lose all my passwords", "No, without a card the account moves to Free and keeps all stored items.",
  ["When the trial ends without a card on file, the account moves to Free and keeps all stored items."])
A("pwm-01", "yesno", "Can I buy Teams just for myself?", "No, a Teams subscription needs at least 2 seats.",
  ["A subscription needs at least 2 seats."])
N("pwm-01", "nonexistent-plan", "How much is Vaultline Business?", "There is no Business plan; plans are Free, Personal, Family and Teams.")
N("pwm-01", "missing-condition", "Do you offer a student discount?", "No discounts are mentioned.")
N("pwm-01", "missing-number", "Can I buy more than 1 GB of file storage, and how much is it?", "Only the 1 GB included is mentioned.")
N("pwm-01", "missing-feature", "Can I pay with Bitcoin?", "Payment methods are not mentioned.")
N("pwm-01", "missing-condition", "If I cancel my annual Personal plan after two months, do I get a refund?", "Refunds are never addressed.")
N("pwm-01", "missing-number", "What does Teams cost for 300 users?", "Teams is listed for 2 to 200 users; larger organisations are not priced.")
N("pwm-01", "mixed", "Does Teams have a 30-day free trial too?", "The 30-day trial is stated for Personal and Family only.")
N("pwm-01", "missing-number", "How much file storage does each Teams user get?", "Storage is stated for Personal and Family, not Teams.")
N("pwm-01", "missing-feature", "Is there phone support on any plan?", "Only priority email support is mentioned.")
N("pwm-01", "nonexistent-plan", "How much is a lifetime Vaultline licence?", "No lifetime licence exists in the articles; only monthly or annual billing.")
N("pwm-01", "off-topic", "How do I reset my Netflix password?", "Off-topic: another company's product.")

# ---- pwm-02 creating your account and master password
A("pwm-02", "fact", "How long does my master password need to be?", "At least 12 characters, up to 128.",
  ["Your master password must be at least 12 characters long and can be up to 128 characters."])
A("pwm-02", "yesno", "Can my master password have spaces in it?", "Yes, spaces are allowed, so a passphrase works well.",
  ["Spaces are allowed, so a passphrase of several words works well."])
A("pwm-02", "casual", "keeps saying VL-104 when i pick a master password", "That password appears in known breach lists; choose a different one.",
  ["Vaultline rejects master passwords that appear in known breach lists and shows error VL-104 when this happens."])
A("pwm-02", "yesno", "Can your support team reset my master password?", "No, Vaultline never receives it, so support can't reset it or tell you what it is.",
  ["Vaultline never receives your master password, so our support team cannot reset it or tell you what it is."])
A("pwm-02", "howto", "I forgot my master password and I'm on Personal. How do I get back in?", "Enter your recovery key on the sign-in screen and choose a new master password.",
  ["- Enter your recovery key on the sign-in screen and choose a new master password."])
A("pwm-02", "fact", "How long does the plan owner have to approve my recovery request?", "72 hours, or the request lapses.",
  ["Approval must happen within 72 hours, or the request lapses."])
A("pwm-02", "fact", "How long is the sign-up email code valid?", "15 minutes.",
  ["The code expires after 15 minutes."])
A("pwm-02", "fact", "What is the Recovery Kit?", "A PDF containing your 34-character recovery key.",
  ["Save your Recovery Kit, a PDF containing your 34-character recovery key."])
A("pwm-02", "howto", "How do I change my master password?", "Go to Settings > Security > Master password; other devices are signed out within five minutes.",
  ["Go to **Settings > Security > Master password**. You will be signed out on all other devices within five minutes of the change."])
A("pwm-02", "yesno", "Does my recovery key change when I change my master password?", "No, unless you choose Generate new key, which makes the old key useless immediately.",
  ["Your recovery key stays the same unless you choose **Generate new key**, which makes the old key useless immediately."])
A("pwm-02", "fact", "What happens if I get my password wrong 10 times?", "The account is locked for 30 minutes; each further failure doubles the wait, up to 24 hours.",
  ["After 10 failed sign-in attempts in a row, the account is locked for 30 minutes. Each further failed attempt after the lockout doubles the waiting time, up to a maximum of 24 hours."])
A("pwm-02", "yesno", "I'm on Personal, forgot my master password and lost my recovery key. Can my items be recovered?", "No; without either option the only way is to delete the account and start again, and stored items can't be recovered.",
  ["If you have neither option, the only way forward is to delete the account and start again; stored items cannot be recovered."])
N("pwm-02", "missing-feature", "Can I sign up with my Google account instead of an email and password?", "Social sign-up is never mentioned.")
N("pwm-02", "missing-condition", "Can I print the Recovery Kit and delete the PDF?", "What to do with the PDF beyond saving it is not stated.")
N("pwm-02", "missing-number", "How many times can I ask for a new email code?", "Resending codes is not mentioned.")
N("pwm-02", "missing-feature", "Can I change the email address on my account?", "Changing the account email is not described.")
N("pwm-02", "missing-condition", "Can I use emoji in my master password?", "Only length and spaces are addressed.")
N("pwm-02", "missing-condition", "Does the 10-attempt lockout also apply in the mobile app?", "Where the lockout applies is not stated.")
N("pwm-02", "missing-feature", "Can I set a password hint in case I forget?", "Hints are not mentioned.")
N("pwm-02", "missing-feature", "Is there a Linux desktop app?", "Desktop apps are named only for Windows and macOS; Linux is never mentioned.")
N("pwm-02", "missing-number", "What are the system requirements for the Windows app?", "No desktop system requirements are given.")
N("pwm-02", "missing-condition", "Will I be forced to change my master password every year?", "Password expiry is not mentioned.")
N("pwm-02", "off-topic", "How do I reset my Windows login password?", "Off-topic: another company's product.")

# ---- pwm-03 sharing items and shared folders
A("pwm-03", "yesno", "Can I share passwords on the Free plan?", "No, Free accounts can receive shared items but cannot share their own.",
  ["Free accounts can receive shared items but cannot share their own."])
A("pwm-03", "howto", "How do I share a login with someone?", "Open the item, select Share, enter their Vaultline email and choose Can view or Can edit.",
  ["1. Open the item and select **Share**.", "2. Enter the recipient's Vaultline email address.", "3. Choose **Can view** or **Can edit**."])
A("pwm-03", "fact", "How many people can I share one item with?", "Up to 20.",
  ["A single item can be shared with up to 20 people."])
A("pwm-03", "yesno", "If I delete an item I shared, does it vanish for the other person?", "Yes, it disappears from their vault too.",
  ["If you delete the item, it disappears from their vault too."])
A("pwm-03", "yesno", "Can an editor add people to a shared folder?", "No, only managers can add or remove people.",
  ["| Editor | Yes | Yes | No |", "| Manager | Yes | Yes | Yes |"])
A("pwm-03", "fact", "How many shared folders can I create on Family?", "Up to 10 (Teams has no limit).",
  ["Personal and Family accounts can create up to 10 shared folders. Teams has no folder limit."])
A("pwm-03", "fact", "How long does a one-time link last?", "It can be opened once and expires after 7 days if unused; you can choose 1 hour or 1 day instead.",
  ["A link can be opened once and expires after 7 days if unused. You can pick a shorter expiry of 1 hour or 1 day."])
A("pwm-03", "yesno", "Can I send a payment card with a one-time link?", "No, one-time links are not available for payment cards.",
  ["One-time links are not available for payment cards."])
A("pwm-03", "casual", "kicked someone out of a shared folder, do i need to change the passwords", "Yes, removing access doesn't change the passwords, so rotate any they may have copied.",
  ["Removing access does not change the password itself, so rotate any password the person may have copied."])
A("pwm-03", "fact", "How quickly does someone lose access after I remove them?", "On their next sync, usually within a minute.",
  ["The person loses access on their next sync, usually within a minute."])
A("pwm-03", "yesno", "Can viewers in a shared folder see passwords in plain text?", "By default yes: they can't only if the manager turns on Hide passwords, which is off by default.",
  ["cannot reveal it in plain text if the manager turns on **Hide passwords**. Default: Hide passwords is off."])
A("pwm-03", "multistep", "My landlord doesn't use Vaultline. How can I send him the Wi-Fi login?", "Send it with a one-time link, which works without an account and can be opened once.",
  ["One-time links let you send a single item to someone without an account."])
N("pwm-03", "missing-number", "How many items can one shared folder hold?", "No item limit for folders is stated.")
N("pwm-03", "missing-condition", "On Teams, can I share with a Vaultline user outside our organisation?", "Sharing across organisations is not addressed.")
N("pwm-03", "missing-feature", "Can I see when someone viewed a password I shared?", "View tracking is not mentioned.")
N("pwm-03", "missing-condition", "Can I put a password on a one-time link?", "Link passwords are not mentioned.")
N("pwm-03", "missing-feature", "Can I create folders inside a shared folder?", "Nested folders are not mentioned.")
N("pwm-03", "missing-number", "How many one-time links can I make per day?", "No limit is stated.")
N("pwm-03", "mixed", "If I downgrade to Free, what happens to the shared folders I created?", "Free can't share, but what happens to existing shared folders on downgrade is not stated.")
N("pwm-03", "missing-feature", "Can I share a password with a colleague just until Friday and have it expire?", "Time-limited sharing exists only for one-time links; expiring shares are not mentioned.")
N("pwm-03", "missing-condition", "Does Hide passwords also stop viewers from copying the password?", "Only revealing in plain text is addressed.")
N("pwm-03", "missing-feature", "Can I share a login by QR code?", "QR codes are never mentioned.")
N("pwm-03", "off-topic", "How do I share my Wi-Fi password from an iPhone?", "Off-topic: another company's feature.")

# ---- pwm-04 admin console roles on Teams
A("pwm-04", "fact", "Where do I find the admin console?", "At console.vaultline.example, on the Teams plan only.",
  ["The admin console is available only on the Teams plan. Open it at console.vaultline.example and sign in with your Vaultline account."])
A("pwm-04", "yesno", "Can our admins see what's in my private vault?", "No, they see only item counts and the last sign-in time.",
  ["Admins cannot see the contents of members' private vaults. They see only item counts and the last sign-in time."])
A("pwm-04", "yesno", "Can an admin add more seats?", "No, only the owner can change billing and seats.",
  ["| Change billing and seats | Yes | No | No |"])
A("pwm-04", "fact", "If we require two-step verification, how long do people have to set it up?", "A 7-day grace period.",
  ["two-step verification for every member, with a 7-day grace period for people who have not set it up"])
A("pwm-04", "fact", "What minimum master password length can admins enforce?", "Between 12 and 40 characters.",
  ["a minimum master password length between 12 and 40 characters"])
A("pwm-04", "fact", "When do new security policies take effect?", "At each member's next sign-in.",
  ["Policy changes apply at each member's next sign-in."])
A("pwm-04", "fact", "What happens to a removed member's private vault?", "It's deleted after 30 days unless they move to a personal subscription first.",
  ["their private vault is deleted after 30 days unless they move to a personal subscription first"])
A("pwm-04", "yesno", "Can I give a removed person's seat to a new hire the same day?", "Yes, the seat becomes free immediately.",
  ["The seat becomes free immediately and can be reassigned the same day."])
A("pwm-04", "fact", "How long are event logs kept?", "365 days; the owner or any admin can export them as CSV.",
  ["They are kept for 365 days and can be exported as CSV by the owner or any admin."])
A("pwm-04", "howto", "How do I transfer ownership of our organisation?", "Go to Organisation > Owner > Transfer; the new owner must accept within 48 hours and you become an admin.",
  ["Go to **Organisation > Owner > Transfer**. The new owner must accept within 48 hours. After the transfer, the previous owner becomes an admin."])
A("pwm-04", "casual", "is there a max number of admins", "No, there is no limit on the number of admins.",
  ["There is no limit on the number of admins."])
A("pwm-04", "yesno", "Can I get back event logs from 2 years ago?", "No, logs older than 365 days are removed automatically and can't be restored.",
  ["Logs older than that are removed automatically and cannot be restored."])
N("pwm-04", "missing-feature", "Does the admin console support SCIM provisioning?", "SCIM is never mentioned.")
N("pwm-04", "missing-feature", "Can we sync users from Azure Active Directory?", "Directory sync is never mentioned.")
N("pwm-04", "missing-condition", "Can I require security keys for admins only?", "Policies cover 2SV for every member; per-role or method-specific rules are not mentioned.")
N("pwm-04", "missing-number", "Can we pay to keep event logs longer than 365 days?", "Extended retention is not mentioned.")
N("pwm-04", "missing-feature", "Can I force members to change their master password every 90 days?", "Password rotation policies are not listed.")
N("pwm-04", "missing-feature", "Can I put members into groups in the console?", "Groups are not mentioned.")
N("pwm-04", "missing-feature", "Can we stream event logs to our SIEM?", "Only CSV export is mentioned.")
N("pwm-04", "missing-feature", "Can I block sign-ins from certain countries?", "Location restrictions are not mentioned.")
N("pwm-04", "missing-condition", "What happens if the new owner doesn't accept the transfer within 48 hours?", "The outcome of an unaccepted transfer is not stated.")
N("pwm-04", "missing-number", "Is there a volume discount for Teams above 100 seats?", "No volume pricing is mentioned.")
N("pwm-04", "off-topic", "How do I set up the Google Workspace admin console?", "Off-topic: another company's product.")

# ---- pwm-05 importing and exporting
A("pwm-05", "fact", "How big can an import be?", "Up to 5,000 items, and the file must be under 10 MB.",
  ["An import can hold up to 5,000 items and the file must be under 10 MB."])
A("pwm-05", "fact", "Which CSV columns are required?", "name, url, username and password (notes and folder are optional).",
  ["The columns `name`, `url`, `username` and `password` are required; `notes` and `folder` are optional."])
A("pwm-05", "casual", "import fails with IMP-410", "The file isn't UTF-8; save it again as UTF-8.",
  ["| IMP-410 | File is not UTF-8 | Save the file again as UTF-8 |"])
A("pwm-05", "yesno", "Will importing merge my duplicate logins?", "No, duplicates aren't merged; a second copy is imported and tagged imported.",
  ["Duplicates are not merged. If an item with the same name and username already exists, Vaultline imports a second copy and tags it `imported`."])
A("pwm-05", "yesno", "Are my file attachments included in an export?", "No, attachments and item history are not included in either format.",
  ["File attachments and item history are not included in either format."])
A("pwm-05", "howto", "How do I export my vault?", "Go to Settings > Export and enter your master password; choose CSV or encrypted .vlx.",
  ["To export, go to **Settings > Export** and enter your master password.", "You can export your vault as CSV or as an encrypted `.vlx` file."])
A("pwm-05", "yesno", "Is the CSV export encrypted?", "No; delete it as soon as you've finished with it.",
  ["The CSV export is not encrypted. Delete it as soon as you have finished with it."])
A("pwm-05", "fact", "How long does the .vlx export password have to be?", "At least 10 characters.",
  ["It must be at least 10 characters."])
A("pwm-05", "yesno", "Can I import my passwords from the iPhone app?", "No, import isn't available in the mobile apps; use the Windows or macOS desktop app or the web vault.",
  ["Import is available in the desktop apps for Windows and macOS and in the web vault. It is not available in the mobile apps or the browser extension."])
A("pwm-05", "yesno", "Can I export from the browser extension?", "No, export works everywhere except the browser extension.",
  ["Export works everywhere except the browser extension."])
A("pwm-05", "yesno", "What happens to rows in my CSV that have no password?", "They're imported as secure notes.",
  ["Items with an empty `password` column are imported as secure notes."])
A("pwm-05", "multistep", "I have 12,000 logins to bring over. How many imports will that take?", "At least 3, since each import can hold up to 5,000 items (and must be under 10 MB).",
  ["An import can hold up to 5,000 items and the file must be under 10 MB."])
A("pwm-05", "yesno", "I'm a member on Teams. Can an admin stop me from exporting?", "Yes, an admin can turn off exports for members; the owner and admins can always export.",
  ["On Teams, an admin can turn off exports for members; the owner and admins can always export."])
N("pwm-05", "missing-condition", "Can I import directly from 1Password's export file?", "'Most other password managers' are supported, but none is named.")
N("pwm-05", "missing-feature", "Can Vaultline back up my vault automatically every week?", "Scheduled backups or exports are not mentioned.")
N("pwm-05", "missing-feature", "Can I import on Linux?", "Import is available on Windows, macOS and the web vault; Linux is never mentioned.")
N("pwm-05", "missing-number", "How long does an import of 5,000 items take?", "Import duration is not stated.")
N("pwm-05", "missing-feature", "Can I export just one folder?", "Partial exports are not mentioned.")
N("pwm-05", "missing-condition", "Can another password manager open a .vlx file?", "Only that Vaultline needs the export password is stated.")
N("pwm-05", "missing-feature", "Will my authenticator (TOTP) secrets import too?", "TOTP secrets are never mentioned.")
N("pwm-05", "missing-condition", "Are custom fields imported from a CSV?", "Only the required and optional columns are listed; other columns are not addressed.")
N("pwm-05", "missing-number", "Is there a size limit on exports?", "Only import limits are given.")
A("pwm-05", "yesno", "Does an export include the old versions of each password?", "No, item history is not included in either export format.",
  ["File attachments and item history are not included in either format."])
N("pwm-05", "missing-feature", "Can I import passwords straight from my browser's saved passwords?", "Importing from browsers is not mentioned; only CSV files and other password managers' exports.")
N("pwm-05", "off-topic", "How do I open a CSV file in Google Sheets?", "Off-topic: another company's product.")

# ---- pwm-06 two-step verification and security keys
A("pwm-06", "yesno", "Is two-step verification available on the Free plan?", "Yes, on every plan including Free.",
  ["It is available on every plan, including Free."])
A("pwm-06", "yesno", "Can I get my 2SV codes by SMS?", "No, SMS codes are not supported.",
  ["SMS codes are not supported."])
A("pwm-06", "yesno", "Can I use email codes as my only second factor?", "No, email codes are backup only; set up an authenticator app or security key first.",
  ["Email codes cannot be your only method; you must set up an authenticator app or a security key first."])
A("pwm-06", "howto", "How do I turn on two-step verification?", "Go to Settings > Security > Two-step verification, choose a method, follow the prompts and save the 10 backup codes.",
  ["1. Go to **Settings > Security > Two-step verification**.", "2. Choose a method and follow the prompts.", "3. Save the 10 backup codes that appear."])
A("pwm-06", "fact", "How many backup codes do I get?", "10, and each works once.",
  ["Save the 10 backup codes that appear. Each code works once."])
A("pwm-06", "fact", "How many security keys can I register?", "Up to 5 per account.",
  ["You can register up to 5 security keys per account."])
A("pwm-06", "fact", "How long does Trust this device skip 2SV?", "30 days, unless you change your master password or sign out of all sessions.",
  ["Tick **Trust this device** at sign-in to skip 2SV on that device for 30 days. Trust ends early if you change your master password or sign out of all sessions."])
A("pwm-06", "casual", "lost my phone and used all my backup codes, im on personal", "Contact support; they start a 7-day waiting period before turning off 2SV, with a daily email so you can cancel.",
  ["- Personal and Free: contact support, who will start a 7-day waiting period before turning off 2SV."])
A("pwm-06", "yesno", "We're on Family. Can my 2SV be reset without waiting a week?", "Yes, the plan owner can reset 2SV for you straight away.",
  ["- Family and Teams: the plan owner or an admin can reset 2SV for you straight away."])
A("pwm-06", "casual", "keep getting 2SV-12 code expired", "Codes change every 30 seconds; check your phone's clock is set automatically.",
  ["**2SV-12: Code expired.** Authenticator codes change every 30 seconds. Check that the clock on your phone is set automatically."])
A("pwm-06", "yesno", "Can I use an NFC security key?", "Yes, FIDO2 hardware keys including USB and NFC keys are supported.",
  ["- Hardware security keys (FIDO2), such as USB and NFC keys"])
N("pwm-06", "missing-feature", "Can I approve sign-ins with a push notification?", "Push approval is not a listed method.")
N("pwm-06", "missing-feature", "Does Vaultline work with Duo?", "Duo is never mentioned.")
N("pwm-06", "missing-condition", "Can I generate a fresh set of backup codes?", "Regenerating backup codes is not mentioned.")
N("pwm-06", "mixed", "How long is a 2SV email code valid?", "Only the sign-up email code's 15-minute expiry is stated; 2SV email code expiry is not.")
N("pwm-06", "missing-feature", "Can I sign in with a passkey and no master password?", "Passkeys are never mentioned.")
N("pwm-06", "missing-condition", "Does Trust this device work in the mobile app?", "Trust is discussed only for sign-in and the web vault.")
N("pwm-06", "missing-condition", "Can I use a Bluetooth security key?", "Only USB and NFC keys are given as examples.")
N("pwm-06", "missing-number", "How many authenticator apps can I register?", "Only the limit for security keys is given.")
N("pwm-06", "missing-condition", "Can Teams admins require security keys instead of authenticator apps?", "Admins can require 2SV, but not a specific method.")
N("pwm-06", "missing-feature", "Does Vaultline have its own authenticator app?", "No Vaultline authenticator is mentioned.")
N("pwm-06", "off-topic", "How do I move Google Authenticator to a new phone?", "Off-topic: another company's product.")

# ---- pwm-07 browser extension and autofill
A("pwm-07", "fact", "What's the minimum Chrome version for the extension?", "Chrome 118.",
  ["| Chrome | 118 | Also covers Brave and Vivaldi |"])
A("pwm-07", "yesno", "Does the extension work in Brave?", "Yes, the Chrome extension also covers Brave and Vivaldi.",
  ["| Chrome | 118 | Also covers Brave and Vivaldi |"])
A("pwm-07", "yesno", "Is Opera supported?", "No, Opera and Internet Explorer are not supported.",
  ["Opera and Internet Explorer are not supported."])
A("pwm-07", "yesno", "Can I use the Safari extension on Windows?", "No, Safari is macOS only, installed with the desktop app.",
  ["| Safari | 17 | macOS only, installed with the desktop app |"])
A("pwm-07", "yesno", "Does Vaultline fill logins as soon as a page opens?", "Not by default: Autofill on page load is off; when on, it fills if exactly one login matches.",
  ["- **Autofill on page load**: off by default. When on, Vaultline fills a login as soon as the page opens if exactly one saved login matches the site."])
A("pwm-07", "yesno", "Will my example.com login fill on shop.example.com?", "Yes by default, because base domains match; you can switch an item to exact host matching.",
  ["by default Vaultline matches the base domain, so a login for example.com also fills on shop.example.com. You can switch an item to exact host matching."])
A("pwm-07", "fact", "What auto-lock times can I choose?", "1, 5, 15 or 60 minutes, or On browser restart; 15 minutes by default.",
  ["the extension locks after 15 minutes of inactivity by default. You can choose 1, 5, 15 or 60 minutes, or **On browser restart**."])
A("pwm-07", "fact", "How often will the extension ask for my master password if I use Touch ID?", "After 14 days, even with biometrics on.",
  ["After 14 days, the extension asks for your master password again even if biometrics are on."])
A("pwm-07", "yesno", "Can Vaultline fill my credit card on my iPhone?", "No, payment cards can be filled on Android only.",
  ["Payment cards can be filled on Android only."])
A("pwm-07", "casual", "extension says desktop app not found", "Make sure the desktop app is version 4.2 or later and Allow browser integration is on.",
  ["If the extension shows **Desktop app not found**, make sure the desktop app is version 4.2 or later and that **Allow browser integration** is turned on in its settings."])
A("pwm-07", "yesno", "Does Windows Hello unlock work if the desktop app is closed?", "No, biometric unlock requires the desktop app to be running.",
  ["Biometric unlock requires the desktop app to be running."])
A("pwm-07", "yesno", "Our company uses Firefox ESR 115. Will the extension work?", "Yes, Firefox 115 is the minimum and the Extended Support Release is included.",
  ["| Firefox | 115 | Extended Support Release included |"])
N("pwm-07", "missing-feature", "Is there an extension for Samsung Internet?", "Samsung Internet is never mentioned.")
N("pwm-07", "missing-feature", "Can the extension fill in my address on shipping forms?", "Only logins and payment cards are filled.")
N("pwm-07", "missing-condition", "Can I stop the extension offering to save logins on one particular site?", "Per-site save settings are not mentioned.")
N("pwm-07", "missing-feature", "Does Vaultline generate strong passwords for new accounts?", "A password generator is never mentioned.")
N("pwm-07", "missing-condition", "Does the extension work in incognito windows?", "Private browsing is not addressed.")
N("pwm-07", "missing-feature", "Can I unlock the extension with a short PIN?", "Only the master password and biometrics are mentioned.")
N("pwm-07", "missing-feature", "Does the extension work on a Chromebook?", "ChromeOS is never mentioned.")
N("pwm-07", "missing-feature", "Can I use the Firefox extension on Android?", "Mobile browser extensions are not mentioned; mobile uses the system autofill.")
N("pwm-07", "missing-condition", "Does autofill work inside iframes on payment pages?", "Iframes are not addressed.")
N("pwm-07", "missing-number", "What's the newest Edge version you've tested?", "Only minimum versions are given.")
N("pwm-07", "off-topic", "How do I clear my Chrome cache?", "Off-topic: another company's product.")

# ---- pwm-08 emergency access
A("pwm-08", "yesno", "Is emergency access included on Teams?", "No, it's included in Personal and Family, not Free or Teams.",
  ["It is included in Personal and Family. It is not part of Free or Teams."])
A("pwm-08", "yesno", "Does my trusted contact need a paid Vaultline account?", "No, they need an account, but it can be Free.",
  ["They need a Vaultline account, but it can be a Free account."])
A("pwm-08", "fact", "What waiting periods can I choose?", "1, 3, 7 or 14 days; 7 days by default.",
  ["Choose a waiting period: 1, 3, 7 or 14 days. Default: 7 days."])
A("pwm-08", "fact", "How many trusted contacts can I add?", "Up to 5, each with their own waiting period and access level.",
  ["You can add up to 5 trusted contacts, each with their own waiting period and access level."])
A("pwm-08", "yesno", "If I ignore an access request, will my contact get in?", "Yes, access is granted automatically when the waiting period ends.",
  ["If you do nothing, access is granted automatically when the waiting period ends."])
A("pwm-08", "yesno", "Can a View only contact see my file attachments?", "No.",
  ["does not let them change anything or see your file attachments"])
A("pwm-08", "fact", "What happens after a takeover?", "Your old master password stops working and your other trusted contacts are removed.",
  ["After a takeover, your old master password stops working and your other trusted contacts are removed."])
A("pwm-08", "yesno", "Will my contact be told if I remove them?", "No, contacts are not told.",
  ["Contacts are not told when you remove them."])
A("pwm-08", "casual", "downgraded to free, are my emergency contacts deleted", "No, they're paused and become active again if you upgrade within 12 months.",
  ["If you move from Personal or Family to Free, trusted contacts are paused, not deleted. They become active again if you upgrade within 12 months."])
A("pwm-08", "howto", "How do I add a trusted contact?", "Settings > Emergency access > Add contact: enter their email, choose a waiting period and an access level.",
  ["1. Go to **Settings > Emergency access > Add contact**.", "3. Choose a waiting period: 1, 3, 7 or 14 days.",
   "4. Choose the access level: **View only** or **Takeover**."])
A("pwm-08", "yesno", "Two days into a 7-day wait, can I still reject my contact's request?", "Yes, you can reject it at any point during the wait.",
  ["You can reject the request at any point during the wait."])
N("pwm-08", "missing-feature", "Can my contact request access by text message?", "Requests by SMS are not mentioned.")
N("pwm-08", "missing-condition", "Does my trusted contact need two-step verification turned on?", "No 2SV requirement for contacts is stated.")
N("pwm-08", "missing-feature", "Can I leave a note that my contact sees when access is granted?", "Messages to contacts are not mentioned.")
N("pwm-08", "missing-feature", "Can I give emergency access to just one folder?", "Access levels cover the whole vault; folder-level access is not mentioned.")
N("pwm-08", "mixed", "Can I use emergency access during the Personal free trial?", "Emergency access is in Personal, but the trial's features are not described.")
N("pwm-08", "missing-number", "How many times can a contact request access in a month?", "No limit on requests is stated.")
N("pwm-08", "missing-condition", "Can a View only contact export my vault?", "Exporting by contacts is not addressed.")
N("pwm-08", "missing-condition", "If I reject a request, does the waiting period start over when they ask again?", "Repeat requests are not addressed.")
N("pwm-08", "missing-feature", "Can I get a phone call when someone asks for emergency access?", "Only email and push notifications are mentioned.")
N("pwm-08", "missing-number", "How long does a Takeover contact have to set the new master password?", "No deadline is stated.")
N("pwm-08", "off-topic", "How do I write a will online?", "Off-topic.")
