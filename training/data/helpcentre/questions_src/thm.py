# Hearthwise (smart thermostat). Labels checked against all eight thm-* articles.

# ---- thm-01 thermostat and Care plans
A("thm-01", "fact", "How much is Care Basic a month?", "2.99 USD a month (29 USD a year).",
  ["| Monthly | 2.99 USD | 5.99 USD |", "| Annual | 29 USD | 59 USD |"])
A("thm-01", "multistep", "How much do I save a year on Care Plus by paying annually?", "12.88 USD: 12 x 5.99 USD is 71.88 USD, against 59 USD annually.",
  ["| Monthly | 2.99 USD | 5.99 USD |", "| Annual | 29 USD | 59 USD |"])
A("thm-01", "yesno", "Do I need a subscription to use schedules?", "No, schedules, Eco temperatures and manual control work without a subscription.",
  ["- Schedules, Eco temperatures and manual control from the app"])
A("thm-01", "fact", "How much history do I get without Care?", "10 days of temperature and usage history.",
  ["- 10 days of temperature and usage history"])
A("thm-01", "fact", "How many phones can use Away mode on Care Plus?", "12 (Care Basic 6, free 2).",
  ["| Phones for Away mode | 6 | 12 |"])
A("thm-01", "yesno", "Does Care Basic include HVAC alerts?", "No, HVAC alerts are Care Plus only.",
  ["| HVAC alerts | No | Yes |"])
A("thm-01", "yesno", "I have two thermostats in the same house. Do I need two Care plans?", "No, one Care plan covers every Hearthwise device at one home address.",
  ["One Care plan covers every Hearthwise device at one home address."])
A("thm-01", "yesno", "Does my Care plan cover the thermostat at our lake house too?", "No, a second home needs its own plan.",
  ["A second home needs its own plan."])
A("thm-01", "fact", "When does an HVAC alert go off?", "When the system takes much longer than usual to heat or cool, or hasn't started within 15 minutes of a call for heat.",
  ["sends an alert if it's taking much longer than usual, or if the system hasn't started within 15 minutes of a call for heat"])
A("thm-01", "fact", "Does a new T3 come with a trial?", "Yes, 3 months of Care Plus free, no card required.",
  ["Every new T3 includes 3 months of Care Plus free. A card is not required."])
A("thm-01", "casual", "care trial ended, is my history gone", "You move back to the free features; history older than 10 days is deleted 30 days later unless you subscribe.",
  ["At the end of the trial you move back to the free features automatically, and history older than 10 days is deleted 30 days later unless you subscribe."])
A("thm-01", "howto", "How do I cancel Care?", "In the app under Home > Care > Manage; annual plans are refundable within 30 days of purchase or renewal.",
  ["Cancel in the app under **Home > Care > Manage**.", "Annual plans can be refunded in full within 30 days of purchase or renewal"])
N("thm-01", "nonexistent-plan", "How much is Care Premium?", "There is no Care Premium; only Care Basic and Care Plus.")
N("thm-01", "missing-condition", "Do you have a discount for seniors?", "No discounts are mentioned.")
N("thm-01", "missing-number", "How much does Care Plus cost in Canadian dollars?", "Prices are given in USD only.")
N("thm-01", "mixed", "Does Care Plus include a yearly technician visit?", "Care Plus has HVAC alerts, which are not a replacement for a service visit; no visits are included or offered.")
N("thm-01", "missing-feature", "Can I pay for Care through my utility bill?", "Payment methods are not mentioned.")
N("thm-01", "missing-condition", "Is there a discount if I have Care on two homes?", "Multi-home pricing is not mentioned.")
N("thm-01", "missing-feature", "Can Care automatically order new filters when the reminder comes up?", "Only filter reminders are listed.")
N("thm-01", "missing-condition", "If I add a second T3 to my home, do I get another 3-month trial?", "Trials for additional devices at the same home are not addressed.")
N("thm-01", "missing-feature", "Can I download my 36 months of history as a spreadsheet?", "History export is not mentioned.")
N("thm-01", "mixed", "Can I get a refund on a monthly Care plan if I cancel mid-month?", "Refunds are stated only for annual plans; monthly plans just end at month end.")
N("thm-01", "off-topic", "How do I bleed a radiator?", "Off-topic: home maintenance.")

# ---- thm-02 installation and compatibility
A("thm-02", "fact", "How long does it take to install the T3?", "About 30 minutes for most people.",
  ["Most people install the T3 in about 30 minutes."])
A("thm-02", "yesno", "Does the T3 work with a heat pump?", "Yes, including heat pumps with auxiliary or emergency heat.",
  ["- Heat pumps with auxiliary or emergency heat"])
A("thm-02", "yesno", "Will it work with my electric baseboard heaters?", "No, line-voltage systems like electric baseboard heaters are not supported.",
  ["It does **not** work with line-voltage systems (120 V or 240 V), such as electric baseboard heaters"])
A("thm-02", "yesno", "Can I use it with my gas fireplace?", "Not if it's a millivolt system, as some gas fireplaces are.",
  ["or with millivolt systems used by some gas fireplaces"])
A("thm-02", "casual", "i dont have a c wire", "Use the Power Adapter included in the box, installed at your furnace control board.",
  ["If you don't have one, use the Power Adapter included in the box, which installs at your furnace control board."])
A("thm-02", "fact", "What does error E71 mean?", "There's no C wire or Power Adapter; the thermostat switches off its display to save power.",
  ["Without either, the thermostat shows error E71 and switches off the display to save power."])
A("thm-02", "howto", "How can I check if the T3 will work with my system before buying?", "Enter the letters next to your current wires at hearthwise.example/check.",
  ["Before buying, enter the letters printed next to your current wires at hearthwise.example/check."])
A("thm-02", "fact", "How much is professional installation?", "Hearthwise Pro Install is 129 USD in the US for one thermostat, including the Power Adapter and a 1-year workmanship guarantee.",
  ["Hearthwise Pro Install costs 129 USD in the US and covers one thermostat, the Power Adapter if needed, and a 1-year workmanship guarantee."])
A("thm-02", "multistep", "How much would Pro Install cost for 3 thermostats in one visit?", "247 USD: 129 USD for the first plus 59 USD for each of the other two.",
  ["Hearthwise Pro Install costs 129 USD in the US and covers one thermostat", "Extra thermostats in the same visit are 59 USD each."])
A("thm-02", "fact", "How long after buying can I book Pro Install?", "Within 60 days of buying your T3.",
  ["Book it within 60 days of buying your T3."])
A("thm-02", "yesno", "The wires on my old thermostat are thick and joined with wire nuts. Can I go ahead?", "No, you probably have line voltage: stop and contact an electrician.",
  ["If the wires at your old thermostat are thick and connected with wire nuts, you probably have line voltage: stop and contact an electrician."])
A("thm-02", "howto", "What should I do before I disconnect my old thermostat?", "Turn off power at the breaker and take a photo of the old wiring.",
  ["Turn off power to your heating and cooling system at the breaker before you start.", "1. Take a photo of the old wiring before disconnecting anything."])
N("thm-02", "missing-feature", "Can I book Pro Install in Canada?", "Pro Install is priced for the US only; Canada is not mentioned.")
N("thm-02", "missing-condition", "Does the T3 support a two-stage furnace?", "Stages are not mentioned.")
N("thm-02", "missing-condition", "Will it work with my ductless mini-split?", "Mini-splits are not mentioned.")
N("thm-02", "missing-number", "How big is the base plate?", "Dimensions are not given.")
N("thm-02", "missing-feature", "Is there a trim plate to cover the old holes in the wall?", "Trim plates are not mentioned.")
N("thm-02", "missing-condition", "Does Pro Install also set up my Room Sensors?", "Pro Install covers the thermostat and Power Adapter; sensors are not mentioned.")
N("thm-02", "missing-number", "How much is a spare Power Adapter?", "The adapter is included in the box; no separate price is given.")
N("thm-02", "missing-condition", "Can the T3 control my whole-house humidifier?", "Humidifiers are never mentioned.")
N("thm-02", "missing-feature", "Does the T3 work with Apple HomeKit?", "Smart home platforms are never mentioned.")
N("thm-02", "missing-feature", "Can I book Pro Install on a Saturday?", "Appointment times are not described.")
N("thm-02", "off-topic", "How do I reset a tripped circuit breaker?", "Off-topic: electrical advice.")

# ---- thm-03 schedules and Eco temperatures
A("thm-03", "fact", "What's the default heating temperature at 9 in the morning?", "62 °F (the 08:30 to 17:00 period).",
  ["| 08:30 to 17:00 | 62 °F | 82 °F |"])
A("thm-03", "fact", "How many temperature changes can I add per day?", "Up to 8.",
  ["You can add up to 8 temperature changes per day"])
A("thm-03", "yesno", "Can weekends have a different schedule from weekdays?", "Yes, you can have different schedules for each day of the week.",
  ["with different schedules for each day of the week"])
A("thm-03", "fact", "How early does Early start begin heating?", "Up to 2 hours ahead; it's on by default.",
  ["Default: on. Early start can begin up to 2 hours ahead."])
A("thm-03", "fact", "What are the default Eco temperatures?", "60 °F for heating and 85 °F for cooling.",
  ["Default: 60 °F for heating and 85 °F for cooling."])
A("thm-03", "fact", "How low can I set the Eco heating temperature?", "As low as 40 °F (range 40 °F to 70 °F).",
  ["You can set them anywhere from 40 °F to 70 °F for heating and 75 °F to 90 °F for cooling."])
A("thm-03", "yesno", "Can I set my Eco cooling temperature to 72 °F?", "No, Eco cooling can be set from 75 °F to 90 °F.",
  ["75 °F to 90 °F for cooling"])
A("thm-03", "casual", "i turned the heat up and later it went back down by itself", "Manual changes hold until the next scheduled change; choose Hold to keep it longer.",
  ["the new setting holds until the next scheduled change. To keep it longer, choose **Hold**"])
A("thm-03", "fact", "What Hold options are there?", "2 hours, 8 hours or Until I change it.",
  ["choose **Hold** and pick 2 hours, 8 hours or **Until I change it**"])
A("thm-03", "yesno", "Do I have to change the clock for daylight saving?", "No, the T3 adjusts for daylight saving automatically.",
  ["adjusts for daylight saving time automatically"])
A("thm-03", "howto", "How do I switch to Celsius?", "In Settings > Display; schedules convert automatically to the nearest half degree.",
  ["Switch between Fahrenheit and Celsius in **Settings > Display**. Schedules convert automatically, rounded to the nearest half degree Celsius."])
A("thm-03", "yesno", "I moved to another state. Will my schedule adjust to the new time zone by itself?", "Only after you update the address in Home settings; otherwise it runs in the old time zone.",
  ["If you move, update the address, or your schedule will run in the old time zone."])
N("thm-03", "missing-feature", "Can I set a vacation schedule for specific dates?", "Date-based schedules are not mentioned.")
N("thm-03", "missing-feature", "Can I copy Monday's schedule to the rest of the week in one go?", "Copying schedules is not mentioned.")
N("thm-03", "missing-feature", "Does the T3 learn my schedule automatically?", "Schedule learning is never mentioned.")
N("thm-03", "missing-number", "What's the minimum gap between heating and cooling setpoints?", "No setpoint gap is stated.")
N("thm-03", "missing-feature", "Can I change the schedule by talking to Alexa?", "Voice assistants are never mentioned.")
N("thm-03", "missing-condition", "Does Early start use more energy?", "Early start's energy effect is not discussed.")
N("thm-03", "missing-feature", "Can I lock the thermostat with a PIN so the kids can't change it?", "Locks are not mentioned.")
N("thm-03", "missing-condition", "Can I turn off the automatic daylight saving adjustment?", "Only that it adjusts automatically is stated.")
N("thm-03", "missing-number", "What's the highest temperature I can set for heating?", "Limits are given only for Eco temperatures.")
N("thm-03", "missing-feature", "Is there an auto mode that switches between heating and cooling by itself?", "Auto changeover is not mentioned.")
N("thm-03", "off-topic", "What's the weather in Chicago this weekend?", "Off-topic.")

# ---- thm-04 Away mode and location sharing
A("thm-04", "fact", "How big is the circle around my home for Away mode?", "500 feet by default; you can set 300 feet to 1 mile.",
  ["Default radius: 500 feet. You can set 300 feet to 1 mile."])
A("thm-04", "fact", "How soon after we all leave does Away mode start?", "10 minutes after every linked phone is outside the circle.",
  ["When every linked phone is outside the circle, Away mode starts after 10 minutes."])
A("thm-04", "fact", "If nobody shares location, when does Away mode kick in?", "After 4 hours with no motion.",
  ["If location is off for all phones, Away mode starts after 4 hours with no motion."])
A("thm-04", "yesno", "Does Away mode end when just one of us comes home?", "Yes, as soon as any linked phone is back inside the circle or the sensor sees motion.",
  ["Away mode ends as soon as any linked phone comes back inside the circle or the sensor sees motion."])
A("thm-04", "yesno", "Do I have to allow location Always for Away mode?", "Yes, without Always the app can't report when you leave.",
  ["Without **Always**, the app can't report when you leave."])
A("thm-04", "yesno", "Can a household member change our Care plan?", "No, members can't add or remove devices, change Care plans or delete the home.",
  ["Members can change temperatures and schedules but cannot add or remove devices, change Care plans or delete the home."])
A("thm-04", "fact", "How long can a guest pass last?", "1 to 14 days; guests can only change the current temperature.",
  ["Guests get a temporary pass for 1 to 14 days and can only change the current temperature."])
A("thm-04", "yesno", "Does Hearthwise keep a history of where my phone has been?", "No, it stores only whether each phone is home or away.",
  ["Hearthwise stores only whether each phone is home or away, not the phone's location history."])
A("thm-04", "casual", "dont want the account owner seeing when im home", "Turn off Share home/away status in your profile.",
  ["The owner can see who is home unless a member turns off **Share home/away status** in their profile."])
A("thm-04", "howto", "How do I end Away mode manually?", "Tap Home in the app (or turn Away mode off in Settings > Away).",
  ["Tap **Home** in the app to end Away mode manually, or turn off Away mode completely in **Settings > Away**."])
A("thm-04", "multistep", "There are four of us with phones and no Care plan. Can we all link for Away mode?", "No, the free plan allows 2 phones; Care Basic allows 6.",
  ["The free plan allows 2 phones; Care Basic allows 6 and Care Plus 12."])
N("thm-04", "missing-feature", "Can my Apple Watch be used for Away mode instead of my phone?", "Only phones are mentioned.")
N("thm-04", "missing-condition", "Do guests' phones count for Away mode?", "Guest passes are described only for changing the temperature.")
N("thm-04", "missing-number", "How much phone battery does the location sharing use?", "Battery use is not mentioned.")
N("thm-04", "missing-feature", "Can my smart lock tell the thermostat when I get home?", "Smart locks are never mentioned.")
N("thm-04", "missing-condition", "Will my cat set off the motion sensor and end Away mode?", "Pets are not mentioned.")
N("thm-04", "missing-number", "How far can the thermostat's motion sensor see?", "The sensor's range is not given.")
N("thm-04", "missing-feature", "Can I get a notification when Away mode starts?", "Away mode notifications are not mentioned.")
N("thm-04", "missing-condition", "Can guests see who is home?", "Only the owner's view of home/away status is described.")
N("thm-04", "missing-number", "How many household members can I invite?", "Only the number of phones for Away mode is limited; member limits are not stated.")
N("thm-04", "missing-condition", "Can I make Away mode wait 30 minutes instead of 10?", "Whether the 10-minute delay can be changed is not stated.")
N("thm-04", "off-topic", "How do I share my location on WhatsApp?", "Off-topic: another company's product.")

# ---- thm-05 room sensors
A("thm-05", "fact", "How much is a Room Sensor?", "39 USD each, or 99 USD for a pack of 3.",
  ["- Single sensor: 39 USD", "- Pack of 3: 99 USD"])
A("thm-05", "multistep", "What's the cheapest way to buy 4 sensors, and how much?", "A pack of 3 plus a single sensor, 138 USD (99 + 39).",
  ["- Single sensor: 39 USD", "- Pack of 3: 99 USD"])
A("thm-05", "fact", "How many sensors can one T3 have?", "Up to 16.",
  ["You can connect up to 16 sensors to one T3."])
A("thm-05", "yesno", "Do the sensors use my Wi-Fi?", "No, they connect to the thermostat directly over a low-power radio.",
  ["Sensors connect to the thermostat directly over a low-power radio and don't use your Wi-Fi."])
A("thm-05", "fact", "What battery does a sensor use and how long does it last?", "One CR2477 coin battery, lasting about 2 years.",
  ["Each sensor runs on one CR2477 coin battery, which lasts about 2 years."])
A("thm-05", "fact", "What's the range of a sensor?", "About 50 feet through walls; metal doors and large mirrors can shorten it.",
  ["The range is about 50 feet through walls; metal doors and large mirrors can shorten it."])
A("thm-05", "fact", "What does Follow me do?", "The T3 averages only rooms where someone was detected in the last 30 minutes; it's off by default.",
  ["If **Follow me** is on, the T3 averages only rooms where it has detected someone in the last 30 minutes. Default: Follow me is off."])
A("thm-05", "casual", "bedroom sensor stopped reporting what happens", "After 1 hour without reports from a chosen sensor, the T3 falls back to its own sensor and shows a notice.",
  ["If no chosen sensor has reported for 1 hour, the T3 falls back to its own built-in sensor and shows a notice in the app."])
A("thm-05", "fact", "My sensor reads 2 degrees high. Can I correct it?", "Yes, adjust its offset by up to ±5 °F in the sensor's settings.",
  ["adjust it by up to ±5 °F in the sensor's settings"])
A("thm-05", "yesno", "Can I put a sensor in the bathroom?", "No, they're not waterproof and shouldn't go in bathrooms or near showers.",
  ["They are not waterproof and shouldn't be placed in bathrooms, near showers, or in direct sunlight."])
A("thm-05", "howto", "How do I move a sensor to my other thermostat?", "Remove it under Sensors, then hold the button on the back for 5 seconds until the light blinks blue.",
  ["To move it to a different thermostat, remove it first, then hold the button on the back for 5 seconds until the light blinks blue."])
A("thm-05", "multistep", "With Care Plus, how long is a Room Sensor under warranty?", "3 years while Care Plus is active: the 1-year warranty plus 2 years.",
  [("thm-08", "| Room Sensor | 1 year |"), ("thm-08", "Care Plus adds 2 years to the T3 and Room Sensor warranties while your subscription is active.")])
N("thm-05", "missing-feature", "Do Room Sensors measure humidity?", "Only temperature and occupancy are mentioned.")
N("thm-05", "missing-number", "How much is a replacement sensor battery from you?", "Battery prices are not given.")
N("thm-05", "missing-condition", "Do Room Sensors work with other brands of thermostat?", "Only the T3 is mentioned.")
N("thm-05", "missing-condition", "Can I mount a sensor on the ceiling?", "Mounting positions are not described beyond what to avoid.")
N("thm-05", "missing-feature", "Can I add a range extender for a sensor in the basement?", "Range extenders are never mentioned.")
N("thm-05", "missing-feature", "Can the thermostat screen show each room's temperature?", "Where sensor readings are displayed is not described.")
N("thm-05", "missing-condition", "Can I change Follow me's 30-minute window?", "Whether the 30 minutes can be changed is not stated.")
N("thm-05", "missing-condition", "Do Care Plus members get sensors at a discount?", "No sensor discounts are mentioned.")
N("thm-05", "missing-feature", "Is there a sensor with its own display?", "Only one sensor model is described.")
N("thm-05", "missing-number", "How long is the CR2477 battery warning given before it dies?", "Only the 15% warning threshold is given, not a time.")
N("thm-05", "off-topic", "How do I change the battery in my smoke detector?", "Off-topic.")

# ---- thm-06 Wi-Fi and connection problems
A("thm-06", "yesno", "Does the T3 work on 5 GHz Wi-Fi?", "No, it needs 2.4 GHz; 5 GHz-only networks are not supported.",
  ["- 2.4 GHz Wi-Fi (802.11 b/g/n). 5 GHz-only networks are not supported."])
A("thm-06", "yesno", "Can I connect it to my dorm's Wi-Fi with a login page?", "No, captive portal networks like those in hotels or dorms are not supported.",
  ["- Captive portal networks, like those in hotels or dorms, are not supported."])
A("thm-06", "yesno", "Is WEP security supported?", "No, only WPA2 or WPA3; open networks and WEP are not supported.",
  ["- WPA2 or WPA3 security. Open networks and WEP are not supported."])
A("thm-06", "casual", "thermostat says W01", "Wrong Wi-Fi password; re-enter it (it's case-sensitive).",
  ["| W01 | Wrong Wi-Fi password | Re-enter the password; it's case-sensitive |"])
A("thm-06", "fact", "What does W09 mean?", "Connected to Wi-Fi but no internet; restart the router and wait 5 minutes.",
  ["| W09 | Connected to Wi-Fi but no internet | Restart the router and wait 5 minutes |"])
A("thm-06", "howto", "I got a new router. Do I have to set up the thermostat again?", "No, go to Settings > Network on the thermostat and choose the new network; schedules and history are kept.",
  ["go to **Settings > Network** on the thermostat and choose the new network. You don't need to set up the thermostat again; schedules and history are kept."])
A("thm-06", "yesno", "Will my schedule still run if the Wi-Fi goes down?", "Yes, the T3 keeps running your schedule when offline.",
  ["The T3 keeps running your schedule even when it's offline."])
A("thm-06", "fact", "When does the app show the thermostat as Offline?", "After 15 minutes without contact.",
  ["The app shows **Offline** after 15 minutes without contact."])
A("thm-06", "fact", "Will I get an email if my thermostat goes offline?", "Care Plus members get an email after 2 hours offline.",
  ["Care Plus members get an email after 2 hours offline."])
A("thm-06", "howto", "How do I restart the thermostat?", "Pull the display off the base plate, wait 10 seconds and press it back on; settings are kept.",
  ["Pull the display off the base plate, wait 10 seconds and press it back on. This doesn't erase settings."])
A("thm-06", "yesno", "Does a factory reset keep my schedules?", "No, it removes the thermostat from your account and deletes schedules.",
  ["this removes the thermostat from your account and deletes schedules"])
A("thm-06", "multistep", "Our thermostat was offline for 10 days while we were away. Is the history from that time saved?", "No, if it's offline for more than 7 days, temperature history for that time is not recorded.",
  ["If the T3 is offline for more than 7 days, temperature history for that time is not recorded."])
N("thm-06", "missing-feature", "Can I connect the T3 with an Ethernet cable?", "Wired connections are never mentioned.")
N("thm-06", "missing-condition", "Does it work with a mesh Wi-Fi system?", "Mesh networks are not mentioned.")
N("thm-06", "missing-condition", "Can I put it on my router's guest network?", "Guest networks are not addressed.")
N("thm-06", "missing-number", "How far from the router can the thermostat be?", "Wi-Fi range is not given.")
N("thm-06", "missing-feature", "Can it connect through my phone's hotspot?", "Hotspots are not mentioned.")
N("thm-06", "missing-condition", "Does the T3 support WPA2-Enterprise?", "Only WPA2 or WPA3 security is named; enterprise authentication is not addressed.")
N("thm-06", "missing-number", "How much data does the thermostat use per month?", "Data use is not stated.")
N("thm-06", "mixed", "Will Care Basic members get an email when the thermostat goes offline?", "The offline email is stated only for Care Plus.")
N("thm-06", "missing-feature", "Can I control it over Bluetooth when the internet is down?", "Bluetooth control is never mentioned.")
N("thm-06", "missing-feature", "Can I give the thermostat a static IP address?", "Network configuration beyond choosing a network is not described.")
N("thm-06", "off-topic", "How do I change my Netgear router's admin password?", "Off-topic: another company's product.")

# ---- thm-07 energy reports and utility rewards
A("thm-07", "fact", "When does the monthly energy report come out?", "On the 3rd of each month, for the previous month.",
  ["On the 3rd of each month, the app shows a report for the previous month"])
A("thm-07", "fact", "Why didn't I get an energy report this month?", "Reports need at least 20 days of data in the month.",
  ["Reports need at least 20 days of data in the month."])
A("thm-07", "yesno", "Does the energy report show what my bill will be?", "No, it estimates runtime, not your bill; Hearthwise doesn't read your meter.",
  ["Reports estimate runtime, not your energy bill. Hearthwise does not read your meter."])
A("thm-07", "fact", "What temperature gets me the leaf?", "62 °F or lower for heating, or 78 °F or higher for cooling.",
  ["62 °F or lower for heating, or 78 °F or higher for cooling"])
A("thm-07", "fact", "How often do rush hour events happen?", "On up to 15 days a year, lasting no more than 4 hours.",
  ["Events happen on up to 15 days a year and last no more than 4 hours."])
A("thm-07", "fact", "How much notice do I get before a rush hour event?", "A notice the day before, by 18:00 local time.",
  ["You get a notice the day before, by 18:00 local time."])
A("thm-07", "yesno", "If I skip one rush hour event, am I kicked out of the program?", "No, you can opt out of any event by changing the temperature and stay enrolled.",
  ["You can opt out of any event by changing the temperature; you still stay enrolled."])
A("thm-07", "fact", "How much can I earn with Rush Hour Rewards?", "Usually 50 to 85 USD a year, set and paid by your utility.",
  ["Rewards are set by your utility, usually 50 to 85 USD a year, and are paid by the utility, not by Hearthwise."])
A("thm-07", "yesno", "Does it cost anything to join Rush Hour Rewards?", "No, enrolment is free.",
  ["Enrolment is free."])
A("thm-07", "howto", "How do I use my utility's time-of-use rates?", "Enter your rate plan in Home > Energy > Rates; the T3 shifts heating or cooling to cheaper hours within 2 °F of your schedule.",
  ["enter your rate plan in **Home > Energy > Rates**. The T3 can then shift heating or cooling to cheaper hours, within 2 °F of your schedule."])
A("thm-07", "yesno", "Do you share my data with my utility if I'm not in a rewards program?", "No, only if you enrol, and only for that program.",
  ["Hearthwise shares runtime data with your utility only if you enrol in a rewards program, and only for that program."])
A("thm-07", "casual", "can my wife get the energy report emailed too", "No, email copies go to the account owner only.",
  ["Email copies are sent to the account owner only."])
N("thm-07", "missing-condition", "Is my utility, Lakeside Power, part of Rush Hour Rewards?", "No utilities are named; eligibility is checked in the app.")
N("thm-07", "missing-number", "How much is the reward in Texas?", "Rewards vary by utility; no regional amounts are given.")
N("thm-07", "missing-feature", "Can I compare my usage with my neighbours?", "Neighbour comparisons are not mentioned.")
N("thm-07", "missing-feature", "Does Hearthwise work with my solar panels?", "Solar is never mentioned.")
N("thm-07", "missing-feature", "Can I download the energy report as a PDF?", "Report downloads are not mentioned.")
N("thm-07", "missing-condition", "Do rush hour events happen in winter as well as summer?", "The season of events is not stated.")
N("thm-07", "missing-number", "What time of day do rush hour events usually start?", "Event start times are not given.")
N("thm-07", "missing-condition", "Can I use time-of-use shifting without a Care plan?", "Whether it needs Care is not stated.")
N("thm-07", "missing-feature", "Can I change the temperatures that earn the leaf?", "The leaf thresholds are fixed as described; customising them is not mentioned.")
N("thm-07", "missing-condition", "Does joining Rush Hour Rewards affect my warranty?", "No link between rewards and warranty is stated.")
N("thm-07", "off-topic", "How do I switch to a different electricity supplier?", "Off-topic.")

# ---- thm-08 warranty, returns and replacements
A("thm-08", "fact", "How long do I have to return a T3?", "45 days from delivery for a full refund, even if installed (if bought from hearthwise.example).",
  ["Thermostats and sensors bought from hearthwise.example can be returned within 45 days of delivery for a full refund, even if installed."])
A("thm-08", "yesno", "Is return shipping free in the US?", "Yes.",
  ["Return shipping is free in the US."])
A("thm-08", "fact", "How long is the Room Sensor warranty?", "1 year (2 years for the T3 and the Power Adapter).",
  ["| Room Sensor | 1 year |"])
A("thm-08", "yesno", "If I cancel Care Plus, do I keep the extra 2 years of warranty?", "No, the extra cover ends on the day the subscription ends.",
  ["If you cancel Care Plus, the extra cover ends on the day the subscription ends."])
A("thm-08", "yesno", "A power surge killed my thermostat. Is that covered?", "No, power surge damage isn't covered.",
  ["It does not cover damage from incorrect wiring, power surges, water"])
A("thm-08", "yesno", "A local handyman installed my T3. Is it still covered?", "No, installation by anyone other than you or a Hearthwise Pro installer isn't covered.",
  ["or installation by anyone other than you or a Hearthwise Pro installer"])
A("thm-08", "howto", "How do I make a warranty claim?", "Open Settings > Help > Warranty in the app or go to hearthwise.example/warranty, give the serial number and a short description.",
  ["1. Open **Settings > Help > Warranty** in the app, or go to hearthwise.example/warranty.",
   "2. Give the serial number from the back of the display and a short description."])
A("thm-08", "fact", "How long does the remote check take?", "Usually within 1 business day.",
  ["Our team runs a remote check, usually within 1 business day."])
A("thm-08", "fact", "Do I have to send the faulty one back before getting a replacement?", "No, the replacement ships first; send the old one back within 30 days with the prepaid label or you're charged.",
  ["If the device is faulty, we ship a replacement first and you send the old one back within 30 days using the prepaid label. If you don't return it, we charge the full price of the replacement."])
A("thm-08", "yesno", "Could my replacement be refurbished?", "Yes, new or certified refurbished; it keeps the original's remaining warranty or 90 days, whichever is longer.",
  ["Replacements may be new or certified refurbished. A replacement keeps the remaining warranty of the original device, or 90 days, whichever is longer."])
A("thm-08", "yesno", "I live in the UK. Can I get warranty service?", "No, warranty service is only available in the US and Canada.",
  ["Warranty service is available only in the US and Canada."])
A("thm-08", "multistep", "With Care Plus active, how long is my T3 under warranty?", "4 years: the 2-year warranty plus 2 years from Care Plus while it's active.",
  ["| T3 thermostat | 2 years |", "Care Plus adds 2 years to the T3 and Room Sensor warranties while your subscription is active."])
A("thm-08", "casual", "in canada, who pays return shipping", "In Canada return shipping is paid by the customer.",
  ["In Canada, return shipping is paid by the customer."])
N("thm-08", "missing-number", "How long does my refund take after a return?", "Refund timing is not stated.")
N("thm-08", "missing-condition", "Can I return just the Power Adapter?", "The return policy names thermostats and sensors only.")
N("thm-08", "missing-feature", "Can I buy an extended warranty without Care Plus?", "Only the Care Plus warranty extension is mentioned; a standalone extended warranty is not.")
N("thm-08", "missing-condition", "Does the warranty transfer to the new owner if I sell my house?", "Warranty transfer is not addressed.")
N("thm-08", "missing-number", "How long does the replacement take to arrive?", "Replacement shipping time is not given.")
N("thm-08", "missing-condition", "Can I exchange my T3 for a different colour?", "Colours and exchanges are not mentioned.")
N("thm-08", "missing-condition", "Does the Pro Install workmanship guarantee cover damage to my furnace?", "What the workmanship guarantee covers is not described.")
N("thm-08", "missing-condition", "Can I return one sensor from a 3-pack?", "Partial returns of packs are not addressed.")
N("thm-08", "missing-condition", "Does the 45-day return window apply to orders shipped to Canada?", "Return windows for Canada are not stated; only Canadian return shipping cost is.")
N("thm-08", "missing-number", "How much is a certified refurbished T3 to buy?", "Refurbished devices are only mentioned as replacements.")
N("thm-08", "off-topic", "How do I make a claim on my home insurance?", "Off-topic.")
