# Huddlecast (video conferencing). Labels checked against all eight vcf-* articles.

# ---- vcf-01 plans and meeting limits
A("vcf-01", "fact", "How much is Pro per month?", "14 USD per host per month (140 USD a year on annual billing).",
  ["| Price, monthly billing | Free | 14 USD per month | 21 USD per month |"])
A("vcf-01", "multistep", "How much do I save a year on Pro with annual billing?", "28 USD: 12 x 14 USD is 168 USD, against 140 USD a year.",
  ["| Price, monthly billing | Free | 14 USD per month | 21 USD per month |", "| Price, annual billing | Free | 140 USD per year | 210 USD per year |"])
A("vcf-01", "fact", "How many people can join a meeting on Basic?", "40.",
  ["| Participants per meeting | 40 | 150 | 300 |"])
A("vcf-01", "yesno", "On Basic, does a one-to-one call also end after 45 minutes?", "No, one-to-one meetings on Basic can run for up to 24 hours; the 45-minute limit is for three or more people.",
  ["Meetings with three or more people end automatically after 45 minutes. One-to-one meetings on this plan can run for up to 24 hours."])
A("vcf-01", "fact", "Do I get a warning before a Basic meeting is cut off?", "Yes, a five-minute warning.",
  ["A five-minute warning appears before a meeting is ended."])
A("vcf-01", "fact", "How many hosts can a Pro subscription have?", "Up to 9.",
  ["A Pro subscription can have up to 9 hosts."])
A("vcf-01", "multistep", "What's the cheapest yearly cost for Business?", "2,100 USD a year: Business needs at least 10 hosts at 210 USD per host per year.",
  ["Requires at least 10 hosts.", "| Price, annual billing | Free | 140 USD per year | 210 USD per year |"])
A("vcf-01", "fact", "How much is the Large Meetings add-on?", "Per host per month: 50 USD for 500 participants, 90 USD for 1,000.",
  ["It costs 50 USD per month for 500 participants and 90 USD per month for 1,000, per host."])
A("vcf-01", "yesno", "Does the host count towards the participant limit?", "Yes, everyone who joins counts, including the host and phone dial-ins.",
  ["Everyone who joins counts, including the host, people who dial in by phone"])
A("vcf-01", "casual", "people cant get in, they see HC-430", "The meeting is full; they can't join until someone leaves.",
  ["When a meeting is full, new people see error HC-430 and cannot join until someone leaves."])
A("vcf-01", "yesno", "Do the people I invite need a paid account?", "No, participants never need a paid account.",
  ["participants never need a paid account"])
A("vcf-01", "multistep", "I'm a Pro host and want meetings of 1,000 people. What's my monthly cost?", "104 USD a month: 14 USD for Pro plus 90 USD for the 1,000-participant Large Meetings add-on.",
  ["| Price, monthly billing | Free | 14 USD per month | 21 USD per month |", "90 USD per month for 1,000, per host"])
A("vcf-01", "yesno", "Can I add Large Meetings to a Basic account?", "No, the add-on is not available on Basic.",
  ["The add-on is not available on Basic."])
N("vcf-01", "nonexistent-plan", "How much is the Huddlecast Enterprise plan?", "There is no Enterprise plan; plans are Basic, Pro and Business.")
N("vcf-01", "missing-condition", "Do schools get a discount on Pro?", "No education pricing is mentioned.")
N("vcf-01", "missing-number", "Can I get a Large Meetings add-on for 2,000 people?", "Only 500 and 1,000 participant options are listed.")
N("vcf-01", "missing-number", "What's the annual price of the Large Meetings add-on?", "Only monthly prices are given for the add-on.")
N("vcf-01", "missing-feature", "Is there a free trial of Pro?", "Trials are not mentioned.")
N("vcf-01", "mixed", "Does Pro come with the 99.9% uptime commitment?", "The uptime commitment is listed under Business only; Pro is not addressed.")
N("vcf-01", "missing-feature", "Can I buy extra cloud recording storage on Pro?", "Buying storage is not mentioned.")
N("vcf-01", "missing-feature", "Are there live captions during meetings?", "Only transcripts of recordings are mentioned.")
N("vcf-01", "missing-number", "How many people can be in one breakout room?", "Breakout room sizes are not given.")
N("vcf-01", "nonexistent-plan", "What does the Pro Plus tier add over Pro?", "There is no Pro Plus tier.")
N("vcf-01", "off-topic", "How do I change my background in Zoom?", "Off-topic: another company's product.")

# ---- vcf-02 scheduling meetings and time zones
A("vcf-02", "howto", "How do I schedule a meeting?", "Select Schedule in the app or at app.huddlecast.example, enter topic, date, time and duration, pick a time zone and a calendar.",
  ["1. In the Huddlecast app or at app.huddlecast.example, select **Schedule**.", "2. Enter a topic, date, start time and duration.",
   "3. Pick a time zone.", "4. Choose a calendar: Google Calendar, Outlook or an .ics file."])
A("vcf-02", "fact", "How many digits is a meeting ID?", "11 digits.",
  ["Each scheduled meeting gets a meeting ID of 11 digits."])
A("vcf-02", "fact", "How long does a meeting link keep working?", "For 30 days after the meeting's scheduled date.",
  ["The ID stays valid for 30 days after the meeting's scheduled date; after that it expires and the link no longer works."])
A("vcf-02", "fact", "How many times can a recurring meeting repeat?", "Up to 50 occurrences, daily, weekly or monthly.",
  ["A recurring meeting can repeat daily, weekly or monthly, up to 50 occurrences."])
A("vcf-02", "fact", "How long does a No fixed time meeting ID stay valid?", "365 days after the last time it was started.",
  ["If you choose **No fixed time**, the meeting ID stays valid for 365 days after the last time it was started."])
A("vcf-02", "yesno", "Do all occurrences of a recurring meeting use the same passcode?", "Yes, they share one meeting ID and one passcode.",
  ["All occurrences share one meeting ID and one passcode."])
A("vcf-02", "casual", "clocks change next week, will my weekly 9am london meeting move", "No, it stays at 09:00 London time (it moves in UTC instead).",
  ["a weekly meeting set for 09:00 in Europe/London stays at 09:00 London time after the clocks change in March"])
A("vcf-02", "fact", "How many assistants can schedule meetings for me?", "Up to 10, under Settings > Scheduling privilege.",
  ["A host can let up to 10 assistants schedule meetings for them under **Settings > Scheduling privilege**."])
A("vcf-02", "yesno", "Can my assistant start my meetings?", "Only if you've also made them an alternative host.",
  ["cannot start them unless the host has also made them an alternative host"])
A("vcf-02", "yesno", "Does my personal meeting ID expire?", "No, it never expires.",
  ["Every user also has a personal meeting ID, which never expires."])
A("vcf-02", "yesno", "Can an assistant at our partner agency schedule meetings for me?", "No, both people must be on the same account.",
  ["Both people must be on the same account."])
A("vcf-02", "multistep", "My meeting was scheduled for 1 March. Will the link still work on 15 April?", "No, the ID stays valid for only 30 days after the scheduled date, so it has expired.",
  ["The ID stays valid for 30 days after the meeting's scheduled date; after that it expires and the link no longer works."])
N("vcf-02", "missing-feature", "Does Huddlecast integrate with Calendly?", "Calendly is never mentioned.")
N("vcf-02", "missing-feature", "Can I schedule a meeting from Slack?", "Slack is never mentioned.")
N("vcf-02", "missing-condition", "Can I change a meeting's ID after scheduling?", "Changing meeting IDs is not mentioned.")
N("vcf-02", "missing-feature", "Does Huddlecast email invitees a reminder before the meeting?", "Reminder emails are not mentioned.")
N("vcf-02", "missing-condition", "Can a recurring meeting repeat every other week?", "Only daily, weekly or monthly repetition is named; intervals are not described.")
N("vcf-02", "missing-condition", "Can my assistants see my recordings?", "Assistants' access is described for scheduling only.")
N("vcf-02", "missing-feature", "Can I choose a custom personal meeting ID?", "Customising the personal ID is not mentioned.")
N("vcf-02", "missing-feature", "Can Huddlecast suggest a time that suits everyone?", "Scheduling assistance is not mentioned.")
N("vcf-02", "missing-number", "How many meetings can I have scheduled at once?", "No limit on scheduled meetings is stated.")
N("vcf-02", "missing-condition", "Can I host two meetings at the same time?", "Simultaneous meetings are not addressed.")
N("vcf-02", "off-topic", "What time is it in Tokyo right now?", "Off-topic.")

# ---- vcf-03 cloud recordings and transcripts
A("vcf-03", "yesno", "Can I record to the cloud on Basic?", "No, cloud recording is on Pro and Business; Basic can record locally with the desktop app.",
  ["Cloud recording is available on Pro and Business. Basic users can record to their own computer with the desktop app."])
A("vcf-03", "yesno", "Can a participant record the meeting?", "They can ask for permission; the host decides.",
  ["Participants can ask for permission; the host decides."])
A("vcf-03", "fact", "What files does a cloud recording create?", "An MP4 of the active speaker view, an M4A audio file, and a transcript if Audio transcript is on.",
  ["- an MP4 video of the active speaker view;", "- an M4A audio-only file;", "- a transcript, if **Audio transcript** is turned on"])
A("vcf-03", "fact", "What languages are transcripts available in?", "English, Spanish, French, German and Japanese.",
  ["Transcripts are created in English, Spanish, French, German and Japanese."])
A("vcf-03", "multistep", "My meeting lasted 90 minutes. When should the transcript be ready?", "Usually within 3 hours, twice the meeting's length.",
  ["They are usually ready within twice the meeting's length."])
A("vcf-03", "yesno", "Are transcripts on by default on Pro?", "No, off for Pro (on for Business).",
  ["(Default: on for Business, off for Pro)"])
A("vcf-03", "fact", "What happens when my recording storage is full?", "New cloud recordings stop and the host gets an email.",
  ["When storage is full, new cloud recordings stop and the host gets an email."])
A("vcf-03", "fact", "Can I get back a recording I deleted?", "Yes, for 30 days from the trash; after that it's removed permanently.",
  ["Deleted recordings go to the trash for 30 days and can be restored by the host during that time."])
A("vcf-03", "yesno", "Can anyone with the share link watch my recording by default?", "No, by default only signed-in users from your account; you can change it to Anyone with the link.",
  ["By default, only signed-in users from your account can view it. The host can change this to **Anyone with the link**"])
A("vcf-03", "fact", "How long can a recording passcode be?", "6 to 10 characters.",
  ["can add a passcode of 6 to 10 characters"])
A("vcf-03", "yesno", "Can I record locally from the browser?", "No, local recording is in the Windows and macOS desktop apps only.",
  ["It is available in the Windows and macOS desktop apps, not in the mobile apps or the browser."])
A("vcf-03", "casual", "can people download my recording", "Not unless you turn on Allow download.",
  ["Viewers cannot download recordings unless the host turns on **Allow download**."])
A("vcf-03", "yesno", "Do local recordings get a transcript?", "No.",
  ["Local recordings do not include a transcript."])
N("vcf-03", "missing-feature", "Can I record gallery view instead of active speaker?", "Only the active speaker MP4 is described.")
N("vcf-03", "missing-feature", "Can I edit a transcript after it's created?", "Transcript editing is not mentioned.")
N("vcf-03", "missing-feature", "Can recordings upload to Google Drive automatically?", "Cloud storage integrations are not mentioned.")
N("vcf-03", "missing-number", "How much does extra recording storage cost?", "Storage purchases are not mentioned.")
N("vcf-03", "missing-feature", "Does Huddlecast make an AI summary of the meeting?", "Summaries are never mentioned.")
N("vcf-03", "missing-condition", "Can co-hosts delete cloud recordings?", "Only the host restoring recordings is mentioned.")
N("vcf-03", "missing-number", "What's the longest meeting I can record to the cloud?", "No recording length limit is stated.")
N("vcf-03", "missing-number", "What resolution are cloud recordings saved in?", "Resolution is not stated.")
N("vcf-03", "missing-feature", "Can I get a separate audio file for each speaker?", "Only one M4A audio file is described.")
N("vcf-03", "missing-feature", "Can I see who watched my recording?", "View analytics are not mentioned.")
N("vcf-03", "off-topic", "How do I convert an MP4 to MP3?", "Off-topic.")

# ---- vcf-04 waiting rooms, passcodes and host controls
A("vcf-04", "fact", "How many co-hosts can a meeting have?", "Up to 50 (and one host).",
  ["A meeting can have one host and up to 50 co-hosts."])
A("vcf-04", "yesno", "Can a co-host end the meeting for everyone?", "No, and co-hosts can't make other people co-hosts.",
  ["Co-hosts cannot end the meeting for everyone or make other people co-hosts."])
A("vcf-04", "fact", "What characters can a meeting passcode have?", "6 to 10 characters: letters, numbers and the symbols @ * _ -.",
  ["Passcodes are 6 to 10 characters and can use letters, numbers and the symbols @ * _ -."])
A("vcf-04", "yesno", "Do people joining from the link have to type the passcode?", "No, it's embedded in the link; those joining by meeting ID or phone must enter it.",
  ["People who join from the link do not type it, because it is embedded in the link. People who join by meeting ID or by phone must enter it."])
A("vcf-04", "yesno", "Is the waiting room on by default on the free plan?", "Yes, it's on by default for all plans.",
  ["Default: on for all plans."])
A("vcf-04", "fact", "How long can my waiting room message be?", "Up to 400 characters.",
  ["People in the waiting room see a message you can customise up to 400 characters."])
A("vcf-04", "casual", "guest says they got HC-218", "Nobody admitted them within 20 minutes, so they were taken out of the waiting room.",
  ["If nobody admits a person within 20 minutes, they are taken out of the waiting room and see error HC-218."])
A("vcf-04", "yesno", "Can participants share their screen by default?", "No, only the host can by default; change it to All participants from the Share menu.",
  ["By default only the host can share their screen. The host can change this to **All participants** from the **Share** menu."])
A("vcf-04", "fact", "How many people can share their screens at once?", "One, or up to 3 with Multiple sharing turned on.",
  ["Only one person can share at a time unless the host turns on **Multiple sharing**, which allows up to 3 shares at once."])
A("vcf-04", "yesno", "Can someone I removed join again?", "Not unless Allow removed participants to rejoin is turned on.",
  ["that person cannot rejoin the same meeting unless **Allow removed participants to rejoin** is turned on in settings"])
A("vcf-04", "yesno", "If I lock the meeting, can I still admit people from the waiting room?", "No, locking stops anyone new from joining, including people waiting who haven't been admitted.",
  ["Locking stops anyone new from joining, including people in the waiting room who have not yet been admitted."])
A("vcf-04", "howto", "Can my colleagues skip the waiting room?", "Yes, you can let people from your own account skip it.",
  ["You can let people from your own account skip the waiting room."])
N("vcf-04", "missing-feature", "Can I require people to sign in before joining?", "Authentication requirements are not mentioned.")
N("vcf-04", "missing-feature", "Can I block people from certain countries joining?", "Country blocking is not mentioned.")
N("vcf-04", "missing-feature", "Can I give someone remote control of my shared screen?", "Remote control is not mentioned.")
N("vcf-04", "missing-number", "How many people can wait in the waiting room at once?", "No waiting room limit is stated.")
N("vcf-04", "missing-feature", "Can I put a watermark on shared screens?", "Watermarks are not mentioned.")
N("vcf-04", "missing-feature", "Can I turn off chat for participants?", "Chat controls are not described.")
N("vcf-04", "missing-condition", "Can a co-host lock the meeting?", "Who can lock a meeting is not stated.")
N("vcf-04", "missing-feature", "Can I report a disruptive participant to Huddlecast?", "Reporting is not mentioned.")
N("vcf-04", "missing-feature", "Can I spotlight one person's video for everyone?", "Spotlighting is not mentioned.")
N("vcf-04", "missing-condition", "Can I add our logo to the waiting room message?", "Only a text message of up to 400 characters is described.")
N("vcf-04", "off-topic", "How do I stop people gatecrashing my Zoom calls?", "Off-topic: another company's product.")

# ---- vcf-05 webinars
A("vcf-05", "yesno", "Can I add Webinars to Basic?", "No, it can be added to Pro or Business.",
  ["It can be added to Pro or Business."])
A("vcf-05", "fact", "How much is a webinar licence for 1,000 attendees?", "149 USD a month or 1,490 USD a year.",
  ["| 1,000 | 149 USD | 1,490 USD |"])
A("vcf-05", "fact", "How many panelists can a webinar have?", "Up to 100.",
  ["- **Panelists**: up to 100, can use video, audio and screen sharing."])
A("vcf-05", "yesno", "Can attendees speak?", "Only if the host unmutes them.",
  ["can speak only if the host unmutes them"])
A("vcf-05", "fact", "How many custom registration questions can I add?", "Up to 10.",
  ["you can add up to 10 custom questions"])
A("vcf-05", "yesno", "We're on Pro. Can our registration emails carry our logo?", "No, branding confirmation emails is Business only.",
  ["can be branded with your logo on Business only"])
A("vcf-05", "fact", "How early can panelists join with a practice session?", "Up to 60 minutes early, without attendees.",
  ["Turn on **Practice session** to let panelists join up to 60 minutes early without attendees."])
A("vcf-05", "fact", "How long can I download webinar reports?", "Attendee and Q&A reports as CSV for 90 days.",
  ["the host can download an attendee report and a Q&A report as CSV for 90 days"])
A("vcf-05", "fact", "What's the longest a webinar can run?", "24 hours.",
  ["- A webinar can run for up to 24 hours."])
A("vcf-05", "yesno", "Can I use breakout rooms in a webinar?", "No.",
  ["- Breakout rooms are not available in webinars."])
A("vcf-05", "yesno", "Do attendees who dial in by phone count towards capacity?", "Yes.",
  ["- Attendees who join by phone count towards the capacity."])
A("vcf-05", "multistep", "We want to run two webinars at the same time. How many licences do we need?", "Two: one licence lets one host run one webinar at a time.",
  ["One licence lets one host run one webinar at a time."])
A("vcf-05", "multistep", "What's the yearly cost of one Pro host plus a 500-attendee webinar licence?", "930 USD: 140 USD for Pro annually plus 790 USD for the annual licence.",
  [("vcf-01", "| Price, annual billing | Free | 140 USD per year | 210 USD per year |"), "| 500 | 79 USD | 790 USD |"])
N("vcf-05", "missing-number", "How much is a webinar licence for 5,000 attendees?", "The largest listed capacity is 3,000.")
N("vcf-05", "missing-feature", "Can I stream a webinar to YouTube Live?", "Streaming to other platforms is not mentioned.")
N("vcf-05", "missing-feature", "Can I charge attendees for tickets?", "Paid registration is not mentioned.")
N("vcf-05", "mixed", "Can I run polls during a webinar?", "Polls are listed for Pro meetings; webinars' polls are not mentioned.")
N("vcf-05", "missing-feature", "Are reminder emails sent to registrants before the webinar?", "Only confirmation emails are mentioned.")
N("vcf-05", "missing-number", "Can more people register than the licence capacity?", "Registration limits are not stated.")
N("vcf-05", "missing-feature", "Is there an on-demand replay page for people who missed it?", "Replay pages are not mentioned.")
N("vcf-05", "missing-condition", "Can a panelist present from the mobile app?", "Mobile apps can't run webinars; joining as a panelist is not addressed.")
N("vcf-05", "missing-feature", "Can registrations go straight into HubSpot?", "HubSpot is never mentioned.")
N("vcf-05", "missing-condition", "Can attendees see each other's names in the chat?", "Attendee visibility in chat is not described.")
N("vcf-05", "off-topic", "What's a good webinar topic for a bakery?", "Off-topic.")

# ---- vcf-06 system requirements
A("vcf-06", "fact", "What version of Windows do I need?", "Windows 10, 64-bit or later.",
  ["| Windows | Windows 10, 64-bit | ARM devices supported from app 6.1 |"])
A("vcf-06", "yesno", "Is there a Linux app?", "Yes, for Ubuntu 22.04 and Fedora 38, as .deb and .rpm packages.",
  ["| Linux | Ubuntu 22.04, Fedora 38 | .deb and .rpm packages |"])
A("vcf-06", "fact", "How much RAM does the desktop app need?", "At least 4 GB, with a dual-core processor.",
  ["The desktop app needs at least 4 GB of RAM and a dual-core processor."])
A("vcf-06", "casual", "virtual background option is greyed out", "Virtual backgrounds need a quad-core processor or better.",
  ["Virtual backgrounds need a quad-core processor or better; on slower machines the option is greyed out."])
A("vcf-06", "fact", "What Android version does the app need?", "Android 9 or later.",
  ["The Android app runs on Android 9 or later."])
A("vcf-06", "yesno", "Can I create breakout rooms from my phone?", "No, mobile apps can't create breakout rooms or run webinars.",
  ["cannot create breakout rooms or run webinars"])
A("vcf-06", "yesno", "Can I host a meeting from Safari?", "No, Safari is for joining only.",
  ["Safari is supported for joining only; hosting from Safari is not possible."])
A("vcf-06", "fact", "How many video tiles can I see in the browser?", "Up to 25.",
  ["In the browser, the video layout is limited to 25 tiles on screen."])
A("vcf-06", "fact", "What bandwidth do I need for group HD video?", "1.5 Mbps upload and 2.5 Mbps download.",
  ["| Group HD video | 1.5 Mbps | 2.5 Mbps |"])
A("vcf-06", "fact", "What happens if my upload speed gets really bad?", "Below 150 kbps your video is turned off and audio continues.",
  ["If your upload speed drops below 150 kbps, your video is turned off and audio continues."])
A("vcf-06", "casual", "cant join, says HC-301", "Your app is older than 12 months; use the link to update.",
  ["Versions older than 12 months can no longer join meetings and show error HC-301 with a link to update."])
A("vcf-06", "yesno", "Does the app run on a Windows ARM laptop?", "Yes, from app version 6.1.",
  ["ARM devices supported from app 6.1"])
A("vcf-06", "yesno", "Can Business admins make everyone use a minimum app version?", "Yes.",
  ["Admins on Business can set a minimum app version for their account."])
N("vcf-06", "missing-feature", "Is there a Huddlecast app for Chromebooks?", "ChromeOS is never mentioned.")
N("vcf-06", "missing-condition", "Does the Linux app work on Debian?", "Only Ubuntu and Fedora versions are listed.")
N("vcf-06", "missing-number", "What bandwidth do I need for 4K video?", "Only HD and screen sharing figures are given.")
N("vcf-06", "missing-feature", "Is there an Apple TV app?", "TV apps are not mentioned.")
N("vcf-06", "missing-condition", "Can I join from the Opera browser?", "Only Chrome, Edge, Firefox and Safari are named.")
N("vcf-06", "missing-number", "How much mobile data does an hour-long meeting use?", "Data use is not given, only bandwidth rates.")
N("vcf-06", "missing-feature", "Can we join from our Poly conference room system?", "Room systems are never mentioned.")
N("vcf-06", "missing-number", "How much disk space does the desktop app need?", "Disk space is not listed.")
N("vcf-06", "missing-feature", "Is there an add-in for the Outlook desktop app?", "Outlook is named only as a calendar choice when scheduling.")
N("vcf-06", "missing-condition", "Does the app support a second monitor for shared screens?", "Multi-monitor support is not mentioned.")
N("vcf-06", "off-topic", "How do I speed up my home broadband?", "Off-topic.")

# ---- vcf-07 joining by phone and audio options
A("vcf-07", "fact", "How many countries have dial-in numbers?", "Toll dial-in numbers in 40 countries, at no extra cost.",
  ["Every meeting includes toll dial-in numbers in 40 countries at no extra cost."])
A("vcf-07", "yesno", "Are toll-free numbers included?", "No, toll-free numbers and call-me are part of the Audio Plus add-on.",
  ["Toll-free numbers and call-me (where Huddlecast calls the participant) are part of the Audio Plus add-on."])
A("vcf-07", "fact", "How much is Audio Plus?", "100 USD per month per account, including toll-free numbers, call-me and 3,000 minutes.",
  ["| Audio Plus | 100 USD per month per account | Toll-free numbers, call-me, 3,000 minutes |"])
A("vcf-07", "multistep", "We used 4,000 Audio Plus minutes last month. What's the bill?", "150 USD: 100 USD for Audio Plus with 3,000 minutes, plus 1,000 extra minutes at 0.05 USD.",
  ["| Audio Plus | 100 USD per month per account | Toll-free numbers, call-me, 3,000 minutes |", "| Extra minutes | 0.05 USD per minute | Billed monthly in arrears |"])
A("vcf-07", "yesno", "Do unused Audio Plus minutes roll over?", "No.",
  ["Unused minutes do not roll over."])
A("vcf-07", "howto", "How do I join a meeting by phone?", "Dial a number from the invitation, enter the meeting ID and #, then the passcode and #.",
  ["1. Dial a number from the invitation.", "2. Enter the meeting ID followed by #.", "3. Enter the passcode followed by #."])
A("vcf-07", "fact", "How do I mute myself when I've dialled in?", "Press *6 (and *9 to raise your hand).",
  ["Phone participants press *6 to mute or unmute themselves and *9 to raise their hand."])
A("vcf-07", "fact", "How do phone callers show up in the participant list?", "As the last four digits of their phone number, unless the host renames them.",
  ["They appear in the participant list as the last four digits of their phone number unless the host renames them."])
A("vcf-07", "fact", "What's the default noise suppression level?", "Medium; you can choose Low, Medium or High, or turn it off for music.",
  ["Huddlecast suppresses background noise automatically at the **Medium** level. You can choose Low, Medium or High, or turn it off for music."])
A("vcf-07", "yesno", "Can I switch my audio to my phone in the middle of a meeting?", "Yes, with Switch to phone audio; your video stays on the computer.",
  ["You can move a call from computer audio to your phone during a meeting with **Switch to phone audio**. Your video stays on the computer while your voice comes through the phone."])
A("vcf-07", "fact", "How many people can dial in to one meeting?", "Up to 100 phone participants at once.",
  ["A meeting can have up to 100 phone participants at once"])
A("vcf-07", "yesno", "Can people who dialled in use the chat?", "No, phone participants can't share their screen or use chat.",
  ["Phone participants cannot share their screen or use chat."])
N("vcf-07", "missing-condition", "Is there a dial-in number for Brazil?", "The 40 countries are not listed.")
N("vcf-07", "missing-feature", "Can we connect SIP or H.323 room systems?", "SIP and H.323 are never mentioned.")
N("vcf-07", "missing-feature", "Can I record just the phone audio?", "Phone-only recording is not mentioned.")
N("vcf-07", "missing-condition", "Can phone participants rename themselves?", "Only the host renaming them is mentioned.")
N("vcf-07", "missing-feature", "Is there a stereo high-fidelity mode for music lessons?", "Only turning off noise suppression for music is mentioned.")
N("vcf-07", "missing-number", "How much is Audio Plus on annual billing?", "Only the monthly price is given.")
N("vcf-07", "missing-feature", "Do phone participants get captions?", "Captions are never mentioned.")
N("vcf-07", "missing-condition", "Can I buy Audio Plus on the free Basic plan?", "Which plans can add Audio Plus is not stated.")
N("vcf-07", "missing-feature", "Can you add a dial-in number for my country on request?", "Adding countries is not mentioned.")
N("vcf-07", "missing-condition", "Do Audio Plus minutes count calls to toll numbers too?", "What uses up the 3,000 minutes is not defined.")
N("vcf-07", "off-topic", "How do I set up voicemail on my iPhone?", "Off-topic: another company's product.")

# ---- vcf-08 billing, cancellation and refunds
A("vcf-08", "fact", "What cards do you accept?", "Visa, Mastercard and American Express on every paid plan.",
  ["Huddlecast accepts Visa, Mastercard and American Express on every paid plan."])
A("vcf-08", "yesno", "We're on Pro. Can we pay by bank transfer?", "No, bank transfer against an invoice is for Business accounts billed annually.",
  ["Business accounts billed annually can also pay by bank transfer against an invoice, with 30-day payment terms."])
A("vcf-08", "yesno", "Can I pay with a prepaid card?", "Only if it supports recurring payments.",
  ["Prepaid and virtual cards are accepted only if they support recurring payments."])
A("vcf-08", "fact", "I upgraded on the 31st. When am I billed in months without a 31st?", "On the last day of that month.",
  ["If that day does not exist in a month (for example the 31st), you are billed on the last day of that month."])
A("vcf-08", "fact", "How long are invoices kept?", "7 years, under Account > Billing > Invoices.",
  ["Invoices are emailed to the billing contact and stay available under **Account > Billing > Invoices** for 7 years."])
A("vcf-08", "yesno", "If I downgrade, does it happen right away?", "No, downgrades take effect at the end of the current billing period.",
  ["Downgrades take effect at the end of the current billing period."])
A("vcf-08", "yesno", "Does switching from monthly to annual billing happen immediately?", "Yes, it's an upgrade, which takes effect immediately; you pay the difference for the current period.",
  ["Switching from monthly to annual billing is an upgrade", "Upgrades take effect immediately and you pay the difference for the rest of the current period."])
A("vcf-08", "howto", "How do I cancel my subscription?", "The owner or a billing admin goes to Account > Billing > Cancel subscription.",
  ["Only the account owner or a billing admin can cancel. Go to **Account > Billing > Cancel subscription**."])
A("vcf-08", "yesno", "If I cancel my monthly plan halfway through, do I get half back?", "No, there are no refunds for partial months.",
  ["- Monthly plans: no refunds for partial months."])
A("vcf-08", "fact", "When can I get a refund on an annual plan?", "Full refund within 14 days of the first purchase or a renewal; none after that.",
  ["- Annual plans: a full refund if you cancel within 14 days of the first purchase or of a renewal. After that, no refund."])
A("vcf-08", "fact", "How long does a refund take?", "Within 10 business days, to the original payment method.",
  ["Refunds go back to the original payment method within 10 business days."])
A("vcf-08", "casual", "my card got declined for the renewal what happens now", "Payment is retried on days 3, 7 and 14; if all fail, the account moves to Basic on day 15 and add-ons are removed.",
  ["If a payment fails, we retry on days 3, 7 and 14. If all retries fail, the account is moved to Basic on day 15 and paid add-ons are removed."])
A("vcf-08", "fact", "What happens to my cloud recordings after I cancel?", "Recordings over the Basic limit are kept for 30 days after the move to Basic, then deleted.",
  ["Cloud recordings over the Basic limit are kept for 30 days after the move, then deleted."])
N("vcf-08", "missing-feature", "Can I pay with PayPal?", "PayPal is never mentioned.")
N("vcf-08", "missing-condition", "Can I change my billing date to the 1st of the month?", "Changing the billing date is not mentioned.")
N("vcf-08", "missing-number", "Do your prices include VAT?", "Tax is not mentioned.")
N("vcf-08", "missing-condition", "Can I add a billing admin on the Pro plan?", "Billing admins are mentioned, but which plans have them is not stated.")
N("vcf-08", "missing-feature", "Can I be billed in euros?", "Billing currencies are not mentioned.")
N("vcf-08", "missing-feature", "Can I pause my subscription for the summer?", "Pausing is not mentioned.")
N("vcf-08", "missing-number", "Is there a late fee if we pay the bank transfer invoice after 30 days?", "Late payment is not addressed.")
N("vcf-08", "mixed", "If my payment fails and I'm moved to Basic, how long are my extra recordings kept?", "The 30-day recording grace is stated for cancellation; failed-payment moves are not addressed for recordings.")
N("vcf-08", "missing-feature", "Can we pay for Pro with a purchase order?", "Purchase orders are never mentioned.")
N("vcf-08", "missing-condition", "Do you refund an annual plan if we cancel on day 20 because of an outage?", "Only the 14-day rule is stated; outages are not addressed.")
N("vcf-08", "off-topic", "How do I dispute a charge with my bank?", "Off-topic: banking.")
