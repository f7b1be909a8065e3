# Stridewell (fitness band and subscription). Labels checked against all eight fit-* articles.

# ---- fit-01 Premium membership
A("fit-01", "fact", "How much is Stridewell Premium a month?", "£5.99 a month (or £49.99 a year).",
  ["| Premium | £5.99 | £49.99 | 1 |"])
A("fit-01", "multistep", "How much do I save in a year by paying for Premium annually instead of monthly?", "£21.89: 12 x £5.99 is £71.88, against £49.99 for the annual plan.",
  ["| Premium | £5.99 | £49.99 | 1 |"])
A("fit-01", "fact", "How many people can share Premium Family?", "Up to 5: the organiser invites up to 4 others.",
  ["| Premium Family | £9.99 | £79.99 | up to 5 |", "The organiser pays and invites up to 4 others by email."])
A("fit-01", "yesno", "On a family plan, can the organiser see my sleep and heart-rate data?", "No, everyone has a private account; the organiser can't see members' health data.",
  ["Everyone gets their own private account; the organiser can't see members' health data."])
A("fit-01", "fact", "How long is the free Premium trial with a new band?", "6 months, if the band is activated within 90 days of purchase.",
  ["New bands include 6 months of Premium free when activated within 90 days of purchase."])
A("fit-01", "yesno", "I don't have a band yet. Can I still try Premium?", "Yes, for 14 days.",
  ["Without a band, you can try Premium for 14 days."])
A("fit-01", "howto", "How do I cancel Premium?", "In Profile > Membership at least 24 hours before renewal; if you subscribed through the App Store or Google Play, cancel there.",
  ["Cancel in **Profile > Membership** at least 24 hours before your renewal date to avoid being charged.",
   "If you subscribed through the App Store or Google Play, cancel there instead"])
A("fit-01", "yesno", "I bought the annual plan on your website 10 days ago. Can I get a refund?", "Yes, annual plans bought directly from Stridewell can be refunded in full within 14 days.",
  ["Annual plans bought directly from Stridewell can be refunded in full within 14 days."])
A("fit-01", "casual", "if i stop premium do i lose all my history", "No, your data is kept, but the app only shows the last 30 days until you subscribe again.",
  ["When Premium ends, your data is kept, but you only see the last 30 days in the app until you subscribe again."])
A("fit-01", "yesno", "Do the prices include VAT?", "Yes.",
  ["Prices include VAT."])
A("fit-01", "yesno", "I've already had a Premium trial. If I buy a second band, do I get another 6 months free?", "No, band trials can't be added to an account that has already had a Premium trial.",
  ["Trials from a band can't be added to an account that has already had a Premium trial."])
N("fit-01", "nonexistent-plan", "How much is Premium Plus?", "There is no Premium Plus; plans are Premium and Premium Family.")
N("fit-01", "missing-condition", "Is there a student discount on Premium?", "No discounts are mentioned.")
N("fit-01", "missing-number", "What does Premium cost in euros?", "Prices are given in pounds only.")
N("fit-01", "mixed", "Can I get a refund on my monthly Premium plan?", "Refunds are stated only for annual plans bought directly; monthly plans are not addressed.")
N("fit-01", "missing-feature", "Can I pay for Premium with PayPal?", "Payment methods are not mentioned.")
N("fit-01", "missing-feature", "Can I pause my membership while I'm injured?", "Pausing membership is not mentioned.")
N("fit-01", "missing-condition", "If I upgrade from Premium to Premium Family mid-year, do I get credit for what I already paid?", "Changing plan and credit are not addressed.")
N("fit-01", "missing-feature", "Does Premium include calorie and nutrition tracking?", "Nutrition tracking is never mentioned.")
N("fit-01", "missing-feature", "Can I buy Premium as a gift for someone?", "Gifting is not mentioned.")
N("fit-01", "missing-condition", "Can the family organiser hand the plan over to another member?", "Changing the organiser is not mentioned.")
N("fit-01", "off-topic", "What's the score in the cricket?", "Off-topic.")

# ---- fit-02 pairing and supported phones
A("fit-02", "fact", "Which iPhones work with the band?", "iPhones with iOS 16 or later.",
  ["- iPhone with iOS 16 or later"])
A("fit-02", "yesno", "Can I set up my band with my iPad?", "No, tablets can't be used to set up a band.",
  ["Tablets, computers and smartwatches can't be used to set up a band."])
A("fit-02", "yesno", "My Android phone is on Android 9. Will it work?", "No, you need Android 10 or later with Bluetooth 5.0.",
  ["- Android phones with Android 10 or later and Bluetooth 5.0"])
A("fit-02", "yesno", "Does the app work on Huawei phones that only have AppGallery?", "No, AppGallery-only builds are not supported.",
  ["Phones with Huawei AppGallery-only builds are not supported."])
A("fit-02", "howto", "How do I pair my band?", "Charge it for 10 minutes, install the app and sign in, select Add device holding the band within 1 metre, then confirm the 4-digit code on the band.",
  ["1. Charge the band for at least 10 minutes.", "2. Install the Stridewell app and create an account or sign in.",
   "3. Select **Add device** and hold the band within 1 metre of your phone.", "4. Confirm the 4-digit code shown on the band."])
A("fit-02", "yesno", "Does pairing on iPhone need location permission?", "No, on iPhone only Bluetooth is needed (Android needs location too).",
  ["Pairing needs Bluetooth and location permission on Android; on iPhone, only Bluetooth."])
A("fit-02", "fact", "How long can a firmware update take?", "Up to 20 minutes; keep the band on its charger.",
  ["Firmware updates after pairing can take up to 20 minutes. Keep the band on its charger during the update."])
A("fit-02", "fact", "How many bands can one account have?", "Up to 3 paired, but only one active at a time.",
  ["You can pair up to 3 bands with one account, but only one can be active"])
A("fit-02", "fact", "How often does the band sync?", "About every 15 minutes when the app is open or running in the background.",
  ["The band syncs in the background about every 15 minutes when the app is open or running in the background."])
A("fit-02", "casual", "new phone, do i have to unpair the band first", "No, sign in on the new phone with the same account and select Reconnect.",
  ["You don't need to unpair; the band connects to the new phone when you select **Reconnect**."])
A("fit-02", "casual", "bought a secondhand band and it wont let me set it up", "The previous owner has to remove it in Devices > Remove band; a band that hasn't been removed can't be set up by someone else.",
  ["Remove it first in **Devices > Remove band**.", "A band that hasn't been removed can't be set up by someone else."])
A("fit-02", "multistep", "My phone was broken for 10 days so the band couldn't sync. What will I lose?", "The detailed data from the first 3 days: the band keeps only 7 days of detailed data, but daily totals are kept for 30 days.",
  ["It stores up to 7 days of detailed data if it can't sync. Older detailed data is overwritten, but daily totals are kept for 30 days."])
N("fit-02", "mixed", "Can I look at my data on a web dashboard on my computer?", "Computers can't be used to set up a band; viewing data on a computer is not addressed.")
N("fit-02", "missing-number", "What's the Bluetooth range once the band is paired?", "Only the 1 metre distance for pairing is given.")
N("fit-02", "mixed", "Does an iPhone need Bluetooth 5.0 to work with the band?", "Bluetooth 5.0 is stated only for Android phones.")
N("fit-02", "missing-feature", "Can I pair the band with my Garmin watch?", "Garmin is never mentioned.")
N("fit-02", "missing-feature", "Can I update the firmware from a computer?", "Firmware updates are only mentioned after pairing with the phone.")
N("fit-02", "missing-number", "How often do you release firmware updates?", "Update frequency is not stated.")
N("fit-02", "missing-feature", "Is there a Stridewell app for Apple Watch?", "Smartwatches can't set up a band; a watch app is not mentioned.")
N("fit-02", "missing-condition", "Can I use a band bought in the US with my UK account?", "Regional restrictions on bands are not mentioned.")
N("fit-02", "missing-feature", "Can I change the 4-digit pairing code?", "Only confirming the code is mentioned.")
N("fit-02", "missing-number", "How much battery does background syncing use?", "Syncing's effect on battery is not stated.")
N("fit-02", "off-topic", "How do I fix Bluetooth on my car stereo?", "Off-topic.")

# ---- fit-03 battery, charging and water resistance
A("fit-03", "fact", "How long does a full charge last?", "Up to 7 days with default settings.",
  ["A full charge lasts up to 7 days with default settings."])
A("fit-03", "fact", "How long will the battery last with always-on display?", "About 3 days.",
  ["- Always-on display: about 3 days"])
A("fit-03", "fact", "How long does it take to charge from empty?", "About 90 minutes; 10 minutes gives roughly one day.",
  ["Charging from 0 to 100% takes about 90 minutes; 10 minutes gives roughly one day of use."])
A("fit-03", "yesno", "Can I use my phone's fast charger for the band?", "No, don't use fast chargers above 5 V; use a USB port or a 5 V adapter.",
  ["Don't use fast chargers above 5 V"])
A("fit-03", "fact", "How much is a replacement charging cable?", "£14.99 from stridewell.example; other brands' cables aren't supported.",
  ["A replacement cable costs £14.99 from stridewell.example. Other brands' cables aren't supported."])
A("fit-03", "yesno", "Can I go swimming in the sea with it?", "Yes, it's rated 5 ATM; rinse it with fresh water afterwards.",
  ["The band is rated 5 ATM, so it can be worn swimming in a pool or the sea and in the shower.",
   "Rinse it with fresh water after swimming in the sea or a chlorinated pool."])
A("fit-03", "yesno", "Can I wear the band in the sauna?", "No, it's not suitable for saunas or hot tubs.",
  ["It is not suitable for diving, water skiing, saunas or hot tubs."])
A("fit-03", "howto", "How do I turn off water lock?", "Press and hold the button for 2 seconds.",
  ["To turn it off, press and hold the button for 2 seconds."])
A("fit-03", "casual", "battery at 5% and heart rate stopped showing, is it broken", "No, at 5% heart-rate tracking stops to save power; the clock keeps working.",
  ["At 5%, heart-rate tracking stops to save power; the clock keeps working until the battery is empty."])
A("fit-03", "howto", "I won't wear my band for two months. How should I store it?", "Charge it to about 50% and switch it off in Settings > Power off.",
  ["If you won't use the band for more than a month, charge it to about 50% and switch it off in **Settings > Power off**."])
A("fit-03", "multistep", "My charging cable stopped working after 8 months. I live in Germany. Is it under warranty?", "Yes, the charging cable has a 1-year warranty for faults in materials and workmanship.",
  [("fit-08", "| Charging cable | 1 year | 1 year |"), ("fit-08", "The warranty covers faults in materials and workmanship.")])
N("fit-03", "missing-feature", "Can I charge the band on a wireless charging pad?", "Only the magnetic cable is mentioned.")
N("fit-03", "missing-number", "What's the battery capacity in mAh?", "Battery capacity is not given.")
N("fit-03", "missing-feature", "Can I replace the battery myself?", "Battery replacement is not mentioned.")
N("fit-03", "missing-number", "How much does a battery replacement cost after the warranty ends?", "No out-of-warranty repair price is given.")
N("fit-03", "missing-condition", "Can I buy a replacement cable from an electronics shop instead of your website?", "Only stridewell.example is named as a place to buy it.")
N("fit-03", "missing-number", "How long does the battery last if I turn heart-rate tracking off?", "Only GPS, always-on display and blood oxygen figures are given.")
N("fit-03", "missing-feature", "Is there a low-power mode to stretch the battery?", "No power-saving mode is described, only powering off.")
N("fit-03", "missing-condition", "Is the band OK for surfing?", "Surfing is neither listed as suitable nor unsuitable.")
N("fit-03", "missing-number", "How deep can I go with the band in metres?", "The 5 ATM rating is given but no depth in metres.")
N("fit-03", "missing-condition", "Does the band keep tracking while it's on the charger?", "Tracking during charging is not mentioned.")
N("fit-03", "off-topic", "How do I make my iPhone battery last longer?", "Off-topic: another company's product.")

# ---- fit-04 sleep tracking and readiness
A("fit-04", "yesno", "Do I need to start sleep tracking before bed?", "No, sleep is detected automatically.",
  ["you don't need to start anything"])
A("fit-04", "yesno", "Are naps recorded on the free plan?", "No, naps (sleeps shorter than 3 hours) are only recorded on Premium.",
  ["Sleeps shorter than 3 hours are shown as naps, and naps are only recorded on Premium."])
A("fit-04", "fact", "When does the sleep coach give its bedtime suggestion?", "Each evening at 20:00 (Premium).",
  ["The sleep coach, with a bedtime suggestion each evening at 20:00"])
A("fit-04", "fact", "When can I see my sleep stages in the morning?", "About 1 hour after you wake, once the band has synced.",
  ["Sleep stages appear about 1 hour after you wake, once the band has synced."])
A("fit-04", "fact", "What goes into the readiness score?", "Overnight heart-rate variability, resting heart rate and sleep over the last 3 nights.",
  ["It combines your overnight heart-rate variability, resting heart rate and sleep over the last 3 nights."])
A("fit-04", "casual", "readiness just says calibrating, whats wrong", "Nothing: for the first 14 nights it shows Calibrating while it builds a baseline.",
  ["For the first 14 nights it shows **Calibrating**, because it needs a baseline."])
A("fit-04", "fact", "My readiness is 65. What does that mean?", "Take it moderately (50 to 79).",
  ["| 50 to 79 | Take it moderately |"])
A("fit-04", "yesno", "Is the smart wake alarm only for Premium?", "No, smart wake is free for everyone.",
  ["Smart wake is free for everyone."])
A("fit-04", "fact", "What alarm windows can I choose for smart wake?", "10, 20 or 30 minutes.",
  ["Set an alarm time and a window of 10, 20 or 30 minutes."])
A("fit-04", "yesno", "Can the band tell me if I have sleep apnoea?", "No, it isn't a medical device and can't diagnose sleep apnoea.",
  ["It can't diagnose sleep apnoea or other conditions."])
A("fit-04", "howto", "The band got my bedtime wrong. How long do I have to fix it?", "Up to 7 days afterwards; edited sleeps don't get sleep stages.",
  ["edit the start or end time in the app for up to 7 days afterwards. Edited sleeps don't get sleep stages."])
A("fit-04", "multistep", "I'm on the free plan and napped for 2 and a half hours. Will it show up?", "No: sleeps under 3 hours count as naps, and naps are only recorded on Premium.",
  ["Sleeps shorter than 3 hours are shown as naps, and naps are only recorded on Premium."])
N("fit-04", "missing-feature", "Does the band detect snoring?", "Snoring is never mentioned.")
N("fit-04", "missing-number", "How accurate are the sleep stages compared with a sleep lab?", "Accuracy figures are not given.")
N("fit-04", "missing-condition", "Does readiness take alcohol into account?", "Only HRV, resting heart rate and sleep are listed.")
N("fit-04", "missing-feature", "Can I move the sleep coach's 20:00 reminder to a later time?", "Changing the reminder time is not mentioned.")
N("fit-04", "missing-feature", "Does the band measure skin temperature at night?", "Skin temperature is never mentioned.")
N("fit-04", "missing-number", "What's an average sleep score for someone my age?", "No reference values are given.")
N("fit-04", "missing-condition", "Does sleep tracking work if I wear the band on my ankle?", "Only wrist placement is described.")
N("fit-04", "missing-feature", "Can the smart alarm also ring on my phone?", "The alarm is described as a band vibration only.")
N("fit-04", "missing-condition", "Will readiness have to recalibrate for 14 nights if I switch to a new band?", "Switching bands and calibration are not addressed.")
N("fit-04", "mixed", "Will I get an alert if my blood oxygen drops during the night?", "All-night blood oxygen tracking is mentioned for battery life; alerts are not.")
N("fit-04", "off-topic", "How much melatonin should I take to sleep better?", "Off-topic: medical advice.")

# ---- fit-05 workouts, GPS and heart-rate zones
A("fit-05", "fact", "How many workout types are there on the band?", "20.",
  ["then choose one of 20 workout types"])
A("fit-05", "howto", "How do I start a workout on the band?", "Press and hold the button for 3 seconds, then choose a workout type.",
  ["Press and hold the button for 3 seconds, then choose one of 20 workout types."])
A("fit-05", "yesno", "Does the band have built-in GPS?", "No, it uses your phone's GPS, so carry your phone.",
  ["The band has no GPS of its own. It uses your phone's GPS"])
A("fit-05", "howto", "I run without my phone. How can I make the distance more accurate?", "Set your stride length in Profile > Body.",
  ["Set your stride length in **Profile > Body** for better estimates."])
A("fit-05", "fact", "How does the band work out my maximum heart rate?", "220 minus your age by default; you can enter a measured value instead.",
  ["By default, that's 220 minus your age; you can enter a measured value instead."])
A("fit-05", "multistep", "I'm 40 and use the default settings. What heart rate puts me in the Cardio zone?", "About 126 to 153 bpm: maximum is 220 - 40 = 180, and Cardio is 70% to 85% of it.",
  ["By default, that's 220 minus your age", "| Cardio | 70% to 85% |"])
A("fit-05", "fact", "What's the default weekly active minutes goal?", "150 active minutes.",
  ["The default weekly goal is 150 active minutes."])
A("fit-05", "multistep", "I did 20 minutes in Cardio and 10 in Fat burn. How many active minutes is that?", "50: Cardio minutes count double (40) plus 10 Fat burn minutes.",
  ["Minutes in Fat burn, Cardio or Peak count as active minutes, with Cardio and Peak minutes counting double."])
A("fit-05", "yesno", "Do Easy zone minutes count towards my active minutes?", "No.",
  ["Easy minutes don't count."])
A("fit-05", "fact", "What happens if I leave a workout paused?", "After more than 30 minutes paused it ends automatically and is saved.",
  ["Workouts paused for more than 30 minutes end automatically and are saved."])
A("fit-05", "yesno", "Can free members sync workouts to RunLedger?", "No, syncing to RunLedger and PedalPath is for Premium; free members can share a summary image.",
  ["Premium members can sync workouts to the RunLedger and PedalPath apps. Free members can share a summary image from the app."])
A("fit-05", "casual", "does the auto detected run use gps", "No, automatic detection doesn't use GPS.",
  ["Automatic detection doesn't use GPS."])
N("fit-05", "missing-feature", "Can I sync my runs to Strava?", "Only RunLedger and PedalPath are named.")
N("fit-05", "missing-feature", "Does it count swimming laps?", "Lap counting is never mentioned.")
N("fit-05", "missing-number", "How accurate is the distance estimate without my phone?", "No accuracy figure is given.")
N("fit-05", "missing-feature", "Can I add my own custom workout type?", "Custom workout types are not mentioned.")
N("fit-05", "missing-condition", "Can I make auto-detection start after 5 minutes instead of 10?", "Whether the 10-minute threshold can be changed is not stated.")
N("fit-05", "missing-feature", "Does the band count reps when I lift weights?", "Rep counting is never mentioned.")
N("fit-05", "missing-feature", "Can I follow a route map on the band itself?", "Route maps come from the phone's GPS; navigation on the band is not mentioned.")
N("fit-05", "missing-number", "What's the longest workout the band can record?", "No maximum workout length is stated.")
N("fit-05", "missing-feature", "Can I connect a chest strap heart-rate monitor?", "External sensors are never mentioned.")
N("fit-05", "missing-condition", "Can I change the percentages for each heart-rate zone?", "Only the maximum heart rate can be entered; changing the zone boundaries is not mentioned.")
N("fit-05", "missing-feature", "Does the band estimate my VO2 max?", "VO2 max is never mentioned.")
N("fit-05", "off-topic", "How many calories are in a banana?", "Off-topic.")

# ---- fit-06 friends, challenges and privacy
A("fit-06", "howto", "How do I add a friend?", "In Community > Add friend, by username or by scanning their QR code.",
  ["Find friends by username or by scanning their QR code in **Community > Add friend**."])
A("fit-06", "fact", "How many friends can I have?", "Up to 500.",
  ["You can have up to 500 friends."])
A("fit-06", "fact", "How long does a friend request last?", "It expires after 14 days if not accepted.",
  ["A friend request expires after 14 days if it isn't accepted."])
A("fit-06", "yesno", "Can my friends see my heart rate?", "Not unless you turn on Share health details for that friend; it's off by default.",
  ["They never see your heart rate, sleep or weight unless you turn on **Share health details** for each friend separately. Default: off."])
A("fit-06", "yesno", "Can I create a custom challenge without Premium?", "No, starting custom challenges is Premium only, but free members can join one they're invited to.",
  ["| Custom challenge | 3 to 30 days | 2 to 50 | Premium only |", "Free members can join any challenge they're invited to, including custom ones."])
A("fit-06", "fact", "How many people can join a Step Sprint?", "2 to 6 players, over 24 hours.",
  ["| Step Sprint | 24 hours | 2 to 6 | Everyone |"])
A("fit-06", "yesno", "Do the steps I did this morning count in a challenge that started at noon?", "No, steps count only once the challenge starts.",
  ["Steps count only once the challenge starts, not from earlier in the day."])
A("fit-06", "fact", "When does the weekly leaderboard reset?", "Every Monday at 00:00 in your own time zone.",
  ["The weekly leaderboard resets every Monday at 00:00 in your own time zone"])
A("fit-06", "yesno", "If I turn on private mode, do I lose my friends?", "No, you keep your friends list, but you leave leaderboards and can't join new challenges.",
  ["You'll disappear from leaderboards and can't join new challenges, but you keep your friends list."])
A("fit-06", "casual", "if i block someone do they get told", "No, they aren't told.",
  ["They aren't told."])
A("fit-06", "fact", "My son is 14. How can he add friends?", "Only by QR code; his profile is private by default.",
  ["Members aged 13 to 15 can only add friends by QR code, and their profile is private by default."])
N("fit-06", "missing-feature", "Can I send messages to my friends in the app?", "Messaging is never mentioned.")
N("fit-06", "missing-feature", "Can I connect my Facebook friends?", "Facebook is never mentioned.")
N("fit-06", "missing-number", "Do winners of challenges get a prize?", "Prizes are not mentioned.")
N("fit-06", "missing-condition", "Can I leave a challenge before it ends?", "Leaving a challenge is not mentioned.")
N("fit-06", "missing-feature", "Is there a global leaderboard with everyone on Stridewell?", "Only a leaderboard of you and your friends is described.")
N("fit-06", "missing-number", "How many challenges can I be in at the same time?", "No limit is stated.")
N("fit-06", "missing-condition", "Can members aged 13 to 15 join challenges?", "Their limits are stated for adding friends and profile privacy only.")
N("fit-06", "missing-feature", "Can I set up a team-against-team challenge?", "Team challenges are not mentioned.")
N("fit-06", "missing-feature", "Can friends see the route maps of my runs?", "Routes are not among what friends see or what health details share.")
N("fit-06", "missing-feature", "Can I report someone I think is cheating in a challenge?", "Reporting users is not mentioned.")
N("fit-06", "off-topic", "How do I make my Instagram account private?", "Off-topic: another company's product.")

# ---- fit-07 your data
A("fit-07", "fact", "Where is my health data stored?", "In data centres in the EU.",
  ["Stridewell stores account and health data in data centres in the EU."])
A("fit-07", "yesno", "Do you sell my data?", "No.",
  ["We don't sell your data"])
A("fit-07", "howto", "How do I download all my data?", "Go to Profile > Privacy > Export my data; you'll get an email with a download link.",
  ["Go to **Profile > Privacy > Export my data**. You'll get an email with a download link"])
A("fit-07", "fact", "How long does the export download link work?", "72 hours.",
  ["The link works for 72 hours."])
A("fit-07", "fact", "What format is the data export?", "A ZIP file with CSV files for each data type and GPX files for workouts with a route.",
  ["The export is a ZIP file with CSV files for each data type and GPX files for workouts with a route."])
A("fit-07", "yesno", "Can I pull my heart rate from Apple Health into Stridewell?", "No, heart rate is shared only from Stridewell to those apps; sleep, steps and workouts go both ways.",
  ["sleep, steps and workouts can be shared both ways, heart rate only from Stridewell to those apps"])
A("fit-07", "yesno", "If I delete all my health data, do I lose my Premium membership?", "No, it keeps your account, friends and Premium membership.",
  ["**Delete all health data** removes your history but keeps your account, friends and Premium membership."])
A("fit-07", "casual", "deleted my account yesterday by mistake can i undo it", "Yes, signing in during the 14-day grace period cancels the deletion.",
  ["Account deletion has a 14-day grace period. Signing in during that time cancels the deletion."])
A("fit-07", "fact", "When are backups cleared after I delete my account?", "Within a further 30 days after the 14-day grace period.",
  ["After 14 days, data is permanently erased, and backups are cleared within a further 30 days."])
A("fit-07", "fact", "Will you delete my account if I stop using it?", "After 3 years with no sign-in and no band sync, with an email 30 days before.",
  ["Accounts with no sign-in and no band sync for 3 years are deleted. We email you 30 days before."])
A("fit-07", "yesno", "Will deleting my account stop my App Store subscription?", "No, cancel the App Store or Google Play subscription first.",
  ["Cancel any App Store or Google Play subscription first, as deleting your account doesn't stop those payments."])
A("fit-07", "multistep", "I requested an export at 9am today. When can I ask for another one?", "From 9am tomorrow: you can request one export every 24 hours.",
  ["You can request one export every 24 hours."])
N("fit-07", "missing-feature", "Can I connect Stridewell to Samsung Health?", "Only Apple Health and Health Connect are named.")
N("fit-07", "missing-feature", "Can I download a PDF summary to show my doctor?", "Exports are ZIP files of CSV and GPX; PDFs are not mentioned.")
N("fit-07", "missing-condition", "Which EU country are your data centres in?", "Only 'in the EU' is stated.")
N("fit-07", "missing-number", "How big is a typical data export file?", "Export size is not mentioned.")
N("fit-07", "missing-feature", "Can I share my step data with my health insurer for a discount?", "Insurers are never mentioned.")
N("fit-07", "mixed", "Do you share my non-health data, like my email, with advertisers?", "Only health data is said not to be shared with advertisers; other data is not addressed beyond not being sold.")
N("fit-07", "missing-number", "How long does 'Delete all health data' take to clear from your servers?", "A 24-hour removal is stated only for single workouts or sleeps.")
N("fit-07", "missing-feature", "Can I import my history from another fitness tracker?", "Importing from other trackers is not mentioned.")
N("fit-07", "missing-condition", "Can I choose to have my data stored in the UK instead?", "Choosing a storage region is not mentioned.")
N("fit-07", "missing-condition", "Can a parent request the data of their 14-year-old?", "Parental access to teen accounts is not addressed.")
N("fit-07", "off-topic", "How do I delete my Google account?", "Off-topic: another company's product.")

# ---- fit-08 warranty, returns and trade-in
A("fit-08", "fact", "How long do I have to return a band?", "30 days from delivery for bands bought from stridewell.example, with all parts.",
  ["Bands bought from stridewell.example can be returned within 30 days of delivery for a full refund, as long as they come back with all parts."])
A("fit-08", "yesno", "Do I pay return postage from France?", "Yes, return postage is free only in the UK; from other countries you pay it.",
  ["Return postage is free in the UK; from other countries, you pay it."])
A("fit-08", "fact", "How long is the band's warranty in the EU?", "2 years (1 year outside the UK and EU).",
  ["| Stridewell band | 2 years | 1 year |"])
A("fit-08", "yesno", "Is a cracked screen covered by the warranty?", "No.",
  ["It doesn't cover cracked screens, water damage beyond the 5 ATM rating, or normal wear of straps."])
A("fit-08", "howto", "How do I make a warranty claim?", "Use Profile > Help > Warranty claim; remote checks come first and can take up to 3 working days.",
  ["Use **Profile > Help > Warranty claim**. We run remote checks first, which can take up to 3 working days."])
A("fit-08", "yesno", "I'm a Premium member. Do I have to send my faulty band back before I get a new one?", "No, Premium members get the replacement sent first.",
  ["Premium members get the replacement sent first."])
A("fit-08", "fact", "How much off a new band do I get for trading in a broken one?", "10% (25% for a working band).",
  ["Broken bands get 10% off instead."])
A("fit-08", "yesno", "Can I use a trade-in with a discount code?", "No, trade-in offers can't be combined with other discounts.",
  ["Trade-in offers can't be combined with other discounts."])
A("fit-08", "casual", "my wrist is 165mm which strap do i need", "Either fits: small is 130 to 170 mm and large 160 to 210 mm, and both come in the box.",
  ["Straps come in small (130 to 170 mm) and large (160 to 210 mm). Every band comes with a small strap and a large strap in the box."])
A("fit-08", "yesno", "I bought my band at an electronics shop. Can I return it to Stridewell?", "Bands bought from other shops follow that shop's return policy.",
  ["Bands bought from other shops follow that shop's return policy."])
A("fit-08", "multistep", "I live in Canada and my band developed a fault after 18 months. Is it still under warranty?", "No, outside the UK and EU the band warranty is 1 year.",
  ["| Stridewell band | 2 years | 1 year |"])
N("fit-08", "missing-number", "How long does it take to get my refund after a return?", "Refund timing is not stated.")
N("fit-08", "missing-condition", "Can I still return the band if I've started the Premium trial?", "The trial's effect on returns is not addressed.")
N("fit-08", "missing-number", "How much does a new band cost?", "No band price is given anywhere.")
N("fit-08", "missing-feature", "Can I buy an extended warranty?", "Extended warranties are not mentioned.")
N("fit-08", "missing-number", "How much is a replacement strap?", "Strap sizes are given but not prices.")
N("fit-08", "missing-feature", "Do you sell leather or metal straps?", "Strap materials are not mentioned.")
N("fit-08", "missing-number", "How long does a warranty replacement take to arrive?", "Only the remote check time (up to 3 working days) is given.")
N("fit-08", "missing-condition", "Does the warranty carry over if I sell my band?", "Transferring the warranty is not addressed.")
N("fit-08", "missing-condition", "Can I return a band I got as a gift without the receipt?", "Gift returns and receipts are not mentioned.")
N("fit-08", "missing-feature", "Can I swap my band for a different colour?", "Colours and exchanges are not mentioned.")
N("fit-08", "off-topic", "Where's my nearest Apple Store?", "Off-topic: another company.")
