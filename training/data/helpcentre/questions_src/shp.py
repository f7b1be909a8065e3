# Emberlane Goods (online store). Labels checked against all eight shp-* articles.

# ---- shp-01 shipping options and costs
A("shp-01", "fact", "How much is Standard shipping?", "6.95 USD, free on orders of 75 USD or more; 5 to 7 business days.",
  ["| Standard | 5 to 7 business days | 6.95 USD, free on orders of 75 USD or more |"])
A("shp-01", "fact", "How fast is Expedited and what does it cost?", "2 to 3 business days for 14.95 USD.",
  ["| Expedited | 2 to 3 business days | 14.95 USD |"])
A("shp-01", "yesno", "Does the gift card in my cart count towards free shipping?", "No, gift cards don't count towards the 75 USD threshold.",
  ["Gift cards in the order do not count towards it."])
A("shp-01", "multistep", "My cart is 80 USD but I'm using a 10 USD off code. Do I still get free Standard shipping?", "No: the threshold uses the subtotal after discounts (70 USD), which is under 75 USD, so Standard costs 6.95 USD.",
  ["The 75 USD threshold is based on the order subtotal after discounts and before tax.",
   "| Standard | 5 to 7 business days | 6.95 USD, free on orders of 75 USD or more |"])
A("shp-01", "fact", "What does shipping an oversized item cost?", "A flat 89 USD per order by freight carrier.",
  ["Oversized items ship by freight carrier for a flat 89 USD per order, no matter how many oversized items the order contains."])
A("shp-01", "multistep", "I'm ordering a sofa and two 9-foot rugs in one order. What's the freight shipping?", "89 USD in total: freight is a flat 89 USD per order however many oversized items it contains.",
  ["Oversized items ship by freight carrier for a flat 89 USD per order, no matter how many oversized items the order contains."])
A("shp-01", "yesno", "Will the freight driver carry my sofa up to my second-floor flat?", "No, delivery is to the curb or ground-floor entrance only.",
  ["Delivery is to the curb or the ground-floor entrance only; carrying items inside or upstairs is not included."])
A("shp-01", "yesno", "Can I get Next Day delivery to Hawaii?", "No; Hawaii gets Standard shipping in 8 to 12 business days.",
  ["- Alaska, Hawaii and Puerto Rico", "Addresses in Alaska and Hawaii receive Standard shipping in 8 to 12 business days."])
A("shp-01", "yesno", "Can Next Day go to a PO box?", "No, Next Day isn't available for PO boxes.",
  ["- PO boxes"])
A("shp-01", "casual", "tracking hasnt moved in a week", "If there's no movement for 5 business days, contact us and we'll open a trace with the carrier.",
  ["If tracking shows no movement for 5 business days, contact us and we will open a trace with the carrier."])
A("shp-01", "yesno", "Do you ship to APO addresses?", "Yes, to APO/FPO addresses (but not by Next Day).",
  ["to all 50 US states, Puerto Rico and APO/FPO addresses"])
A("shp-01", "yesno", "Does the delivery time count from when I place the order?", "No, it starts when your order ships.",
  ["Delivery times start when your order ships, not when you place it."])
N("shp-01", "missing-feature", "Do you offer same-day delivery?", "Same-day delivery is never mentioned.")
N("shp-01", "missing-feature", "Can I pick up my order from the Columbus warehouse?", "Warehouse pickup is not mentioned.")
N("shp-01", "missing-condition", "Can I ask the freight carrier to deliver my sofa in the evening?", "The carrier books a four-hour window; whether evenings are possible is not stated.")
N("shp-01", "missing-condition", "Do you deliver on Saturdays?", "Business days are defined for delivery times; Saturday delivery is not addressed.")
N("shp-01", "missing-feature", "Can I ship to a UPS Access Point?", "Pickup points and carriers are not named.")
N("shp-01", "mixed", "How much extra is it to have the freight team bring furniture inside?", "Inside delivery is not included, and no paid option for it is mentioned.")
N("shp-01", "missing-condition", "Do you ship to Guam?", "Guam is not among the listed US destinations and the international list is only shown at checkout.")
N("shp-01", "missing-feature", "Which carrier delivers Standard orders?", "Carriers are never named.")
N("shp-01", "missing-number", "Is there a weight limit for Standard shipping?", "No weight limits are stated.")
N("shp-01", "missing-feature", "Can I choose a specific delivery date for a normal parcel?", "Only freight deliveries get a booked window.")
N("shp-01", "off-topic", "What's the sales tax rate in Ohio?", "Off-topic: tax rates are not in the help centre.")

# ---- shp-02 order processing and cut-off times
A("shp-02", "fact", "What's the cut-off to ship today?", "1:00 p.m. Eastern Time on a business day (11:00 a.m. ET for Next Day).",
  ["Orders placed by 1:00 p.m. Eastern Time on a business day ship the same day.", "Next Day orders have an earlier cut-off of 11:00 a.m. ET."])
A("shp-02", "fact", "How much longer do engraved items take to ship?", "3 extra business days.",
  ["need 3 extra business days before they ship"])
A("shp-02", "fact", "How long does made-to-order furniture take?", "It ships in 4 to 6 weeks; the expected date is on the product page.",
  ["Made-to-order furniture ships in 4 to 6 weeks; the expected date is shown on the product page."])
A("shp-02", "howto", "How do I change my shipping address after ordering?", "From Account > Orders within 30 minutes of placing the order.",
  ["You can change the shipping address or cancel an order for 30 minutes after placing it, from **Account > Orders**."])
A("shp-02", "yesno", "I ordered monogrammed towels 3 hours ago. Can I still cancel?", "Probably not: personalised items can't be cancelled once embroidery has started, usually within 2 hours.",
  ["Personalised items cannot be cancelled once engraving or embroidery has started, which is usually within 2 hours."])
A("shp-02", "yesno", "If my order comes in two boxes, do I pay shipping twice?", "No, you pay shipping only once; each package gets its own tracking link.",
  ["You pay shipping only once, and each package gets its own tracking link."])
A("shp-02", "fact", "When is my card charged for a back-ordered item?", "It's authorised when you order but charged only when the item ships.",
  ["Your card is authorised when you order but is charged only when the item ships."])
A("shp-02", "fact", "When do I have to order with Standard shipping for delivery by Christmas Eve?", "By 16 December, 1:00 p.m. ET.",
  ["| Standard | 16 December, 1:00 p.m. ET |"])
A("shp-02", "casual", "backorder date got pushed back 3 weeks can i cancel", "Yes, if the date slips by more than 14 days you can cancel that item for a full refund.",
  ["If the date slips by more than 14 days, we email you, and you can cancel that item for a full refund."])
A("shp-02", "fact", "What's the last day to order an engraved cutting board for Christmas?", "12 December; holiday cut-offs don't apply to personalised items.",
  ["Holiday cut-offs do not apply to personalised items, which must be ordered by 12 December."])
A("shp-02", "multistep", "If I order with Expedited on a Saturday, when should it arrive?", "It ships Monday (the next business day), then takes 2 to 3 business days, so around Wednesday or Thursday.",
  ["Orders placed after 1:00 p.m. ET, or on weekends and federal holidays, ship the next business day.",
   ("shp-01", "| Expedited | 2 to 3 business days | 14.95 USD |")])
N("shp-02", "missing-feature", "Can I add another item to an order I already placed?", "Only address changes and cancellation are mentioned.")
N("shp-02", "missing-feature", "Do you offer gift wrapping?", "Gift wrapping is never mentioned.")
N("shp-02", "missing-condition", "Do the holiday cut-offs apply to Alaska and Hawaii too?", "The holiday table doesn't address Alaska or Hawaii.")
N("shp-02", "missing-condition", "Which federal holidays don't count as business days?", "Federal holidays are not listed.")
N("shp-02", "missing-feature", "Can I ask you to hold all items and ship them together?", "Choosing a single shipment is not mentioned.")
N("shp-02", "missing-feature", "Can I sign up to be told when a back-ordered item is in stock?", "Stock alerts are not mentioned.")
N("shp-02", "missing-number", "What are the order-by dates for delivery before New Year?", "Only Christmas Eve cut-offs are given.")
N("shp-02", "missing-feature", "Can I pay extra to rush the engraving?", "Rush personalisation is not mentioned.")
N("shp-02", "missing-condition", "Can I change the engraving text after I've ordered?", "Changing personalisation is not addressed.")
N("shp-02", "missing-condition", "Do holiday cut-offs apply to international orders?", "Holiday cut-offs are given for domestic methods only.")
N("shp-02", "off-topic", "What time does the post office in Columbus open?", "Off-topic.")

# ---- shp-03 international shipping, customs and duties
A("shp-03", "fact", "How many countries do you ship to outside the US?", "32 countries; the list appears at checkout.",
  ["We ship to 32 countries outside the US. The full list appears at checkout when you choose your country."])
A("shp-03", "fact", "How much does it cost to ship to the UK?", "29.95 USD, 7 to 12 business days.",
  ["| UK and EU | 7 to 12 business days | 29.95 USD |"])
A("shp-03", "yesno", "Is there free international shipping if I spend enough?", "No, there is no free international shipping.",
  ["There is no free international shipping."])
A("shp-03", "yesno", "Can you send a candle to Canada?", "No, candles can't be shipped outside the US.",
  ["Oversized items, candles and anything containing lithium batteries cannot be shipped outside the US."])
A("shp-03", "yesno", "I'm in Germany. Will I have to pay duties when the parcel arrives?", "No, for the UK and EU import VAT and duties are collected at checkout.",
  ["For the UK and EU, we collect import VAT and duties at checkout, so nothing more is due on delivery."])
A("shp-03", "fact", "Who pays duties on an order to Australia?", "You do, when the parcel arrives; they're charged by the carrier or customs.",
  ["For every other country, duties and taxes are charged by the carrier or customs when the parcel arrives and are paid by you."])
A("shp-03", "yesno", "If I refuse to pay the duties, do I get my money back?", "Partly: the items are refunded minus the original shipping cost and any return fees the carrier charges.",
  ["If you refuse to pay them, the parcel comes back to us and we refund the items minus the original shipping cost and any return fees the carrier charges us."])
A("shp-03", "yesno", "Can I ship to my freight forwarding address?", "No, freight forwarding services are not allowed.",
  ["We cannot ship to PO boxes outside the US or to freight forwarding services."])
A("shp-03", "fact", "When will you trace a lost international parcel?", "Once it has been in transit for 30 days.",
  ["We will trace a parcel once it has been in transit for 30 days."])
A("shp-03", "casual", "can i type my address in greek letters", "No, addresses must be written in Latin characters.",
  ["Addresses must be written in Latin characters."])
A("shp-03", "multistep", "I live in France and want to return something. Do I get the import VAT back, and who pays postage?", "The import VAT collected at checkout is refunded with the items; you pay the tracked return shipping.",
  ["Import VAT collected at checkout is refunded with the items", "the return shipping is paid by you and must be tracked"])
A("shp-03", "yesno", "Do I need to give a phone number for an international order?", "Yes, the carrier needs one.",
  ["International orders need a phone number for the carrier."])
N("shp-03", "missing-condition", "Do you ship to Japan?", "The country list is only shown at checkout; Japan is not named.")
N("shp-03", "missing-number", "How much is shipping to Brazil?", "Rates are given only for Canada/Mexico, UK/EU and Australia/New Zealand.")
N("shp-03", "missing-number", "What's the import VAT rate for Ireland?", "VAT is collected but rates are not given.")
N("shp-03", "missing-feature", "Is there an express international option?", "Only one rate per region is listed.")
N("shp-03", "missing-number", "How long do customs checks usually take?", "Customs delays are mentioned without any duration.")
N("shp-03", "missing-condition", "Does Switzerland get the UK and EU rate?", "Switzerland is not mentioned.")
N("shp-03", "missing-condition", "If my international order arrives damaged, are the duties I paid refunded?", "Duty refunds are addressed only for returns (not refunded); damaged international parcels are not.")
N("shp-03", "missing-condition", "Can I ship perfume abroad?", "Only oversized items, candles and lithium batteries are excluded; perfume is not mentioned.")
N("shp-03", "missing-feature", "Can I pay in pounds at checkout?", "Checkout currencies are not mentioned.")
N("shp-03", "missing-condition", "Can I ship to Canada if my card has a US billing address?", "Billing address rules are not mentioned.")
N("shp-03", "off-topic", "What's the dollar to pound exchange rate today?", "Off-topic.")

# ---- shp-04 returns policy
A("shp-04", "fact", "How long do I have to return something?", "30 days from the delivery date shown in tracking.",
  ["You can return most items within 30 days of delivery", "The 30 days start on the delivery date shown in tracking."])
A("shp-04", "fact", "I got a delivery on 10 December. When's the last day to return it?", "31 January of the next year, because orders delivered 1 November to 24 December get the holiday extension.",
  ["Orders delivered between 1 November and 24 December can be returned until 31 January of the next year."])
A("shp-04", "fact", "How long is the return window for Emberlane Plus members?", "60 days on every order.",
  ["Emberlane Plus members get 60 days on every order."])
A("shp-04", "yesno", "Can I return bedsheets I've already washed?", "Not for a full refund: textiles must be unwashed; used items are refunded at 50% or sent back.",
  ["Textiles must be unwashed. Items that come back used or damaged are refunded at 50% of the item price, or sent back to you at your request."])
A("shp-04", "yesno", "Can I return a candle I've lit once?", "No, opened candles can't be returned unless faulty.",
  ["- Candles and cosmetics once opened"])
A("shp-04", "howto", "How do I start a return?", "Go to Account > Orders, select Start a return, pick items and a reason, then print the label or use a QR code at a drop-off point.",
  ["1. Go to **Account > Orders** and select **Start a return**.", "2. Pick the items and a reason.",
   "3. Print the prepaid label, or choose a QR code to show at a drop-off point."])
A("shp-04", "fact", "How much does return shipping cost?", "7.95 USD, deducted from your refund; free for Plus members, exchanges and faulty items.",
  ["Return shipping costs 7.95 USD, deducted from your refund. It is free for Emberlane Plus members, for exchanges and for faulty items."])
A("shp-04", "multistep", "I'm not a Plus member and I'm returning an unused 40 USD lamp. How much do I get back?", "32.05 USD plus the tax you paid: the item price and tax are refunded minus 7.95 USD return shipping.",
  ["Return shipping costs 7.95 USD, deducted from your refund.", ("shp-05", "The item price and tax are refunded.")])
A("shp-04", "casual", "checked out as guest, how do i return", "Use the link in your order confirmation email, with the order number and checkout email address.",
  ["Guest shoppers can start a return from the link in their order confirmation email, using the order number and the email address used at checkout."])
A("shp-04", "yesno", "My Final sale item is faulty. Can I return it?", "Yes, faulty items are always accepted, even in non-returnable categories.",
  ["Faulty items are always accepted, even in these categories"])
A("shp-04", "fact", "How do I return a sofa?", "It's collected by freight for a flat 89 USD deducted from the refund; book within the 30-day window, collection up to 14 days later.",
  ["Returns of oversized items are collected by freight carrier for a flat 89 USD, deducted from your refund. You book the collection within the 30-day window; the collection itself can happen up to 14 days later."])
A("shp-04", "yesno", "Can I return a gift card?", "No, gift cards can't be returned.",
  ["- Gift cards"])
N("shp-04", "missing-feature", "Can I return an item at one of your stores?", "No physical stores are mentioned.")
N("shp-04", "missing-feature", "Can a courier collect my small return from my home?", "Home collection is described only for oversized items.")
N("shp-04", "missing-condition", "Do Plus members get the holiday extension on top of their 60 days?", "How the holiday window combines with the 60-day Plus window is not stated.")
N("shp-04", "missing-number", "How long is the prepaid return label valid?", "Label validity is not stated.")
N("shp-04", "missing-feature", "Which drop-off points accept the QR code?", "Drop-off points are not named.")
N("shp-04", "missing-condition", "I took the tags off but never used the item. Do I get the full refund or 50%?", "Only unused-with-tags and used-or-damaged are covered; tags removed but unused is not.")
N("shp-04", "missing-number", "Is there a limit on how many returns I can make a year?", "No return limits are stated.")
N("shp-04", "missing-condition", "Can I return one piece of a set?", "Sets are not mentioned.")
N("shp-04", "missing-condition", "Can I return a gift without the person who bought it finding out?", "Gift returns are not addressed.")
N("shp-04", "missing-condition", "Can I return opened cosmetics if I'm allergic to them?", "Opened cosmetics are non-returnable unless faulty; allergic reactions are not addressed.")
N("shp-04", "off-topic", "How do I file a complaint with the Better Business Bureau?", "Off-topic.")

# ---- shp-05 refunds and exchanges
A("shp-05", "fact", "How long do you take to check my return?", "Within 3 business days of receiving it.",
  ["We inspect returns within 3 business days of receiving them."])
A("shp-05", "fact", "How long does a PayPal refund take?", "1 to 3 business days after approval.",
  ["| PayPal | 1 to 3 business days |"])
A("shp-05", "yesno", "Do I get the original shipping cost back?", "Only if the item was faulty, damaged or wrong.",
  ["The original shipping cost is refunded only if the item was faulty, damaged or wrong."])
A("shp-05", "yesno", "I used a 20% off code. Will my refund be the full price?", "No, the refund is the price you actually paid for the item.",
  ["If you used a discount code on the order, the refund is the price you actually paid for the item, not the full price."])
A("shp-05", "yesno", "Can I exchange a lamp for a different lamp?", "No, exchanges are for a different size or colour of the same item; return it and place a new order.",
  ["Exchanges are available for a different size or colour of the same item only.",
   "For anything else, such as a different product, return the item for a refund and place a new order."])
A("shp-05", "yesno", "Do I pay shipping on an exchange?", "No, exchanges are free both ways.",
  ["Exchanges are free both ways."])
A("shp-05", "fact", "When do you send the replacement in an exchange?", "As soon as the carrier scans your return, without waiting for it to arrive.",
  ["We ship the replacement as soon as the carrier scans your return, without waiting for it to arrive."])
A("shp-05", "yesno", "The jacket I bought is cheaper 10 days after it arrived. Can I get the difference?", "Yes, a price drop within 14 days of delivery is refunded once per item; contact us with your order number.",
  ["If an item you bought drops in price within 14 days of delivery, we refund the difference once per item. Contact us with your order number."])
A("shp-05", "yesno", "Do price adjustments work for clearance items?", "No, not for clearance items or flash sales under 24 hours.",
  ["Price adjustments do not apply to flash sales lasting under 24 hours or to clearance items."])
A("shp-05", "casual", "refund approved 3 days ago still not on my debit card", "Card refunds take 5 to 10 business days after approval; the delay depends on your bank.",
  ["| Credit or debit card | 5 to 10 business days |", "The delay after that depends on your bank, not on us."])
A("shp-05", "multistep", "I'm swapping a 50 USD shirt for a different colour that costs 60 USD. What do I pay?", "10 USD, the price difference; the exchange shipping is free.",
  ["If the new size or colour costs more, we charge the difference", "Exchanges are free both ways."])
A("shp-05", "fact", "How long does a refund to buy now, pay later take?", "It depends on the provider, up to 14 days.",
  ["| Buy now, pay later | Depends on the provider; up to 14 days |"])
N("shp-05", "missing-condition", "Do price adjustments apply to items I bought with my Plus 10% discount?", "Plus discounts and price adjustments are not addressed together.")
N("shp-05", "missing-number", "How long after the price drop do I have to ask for an adjustment?", "Only the 14-day window for the price drop is stated, not a deadline to claim.")
N("shp-05", "missing-condition", "Do you match a lower price from another store?", "Competitor price matching is not mentioned.")
N("shp-05", "mixed", "Can I exchange an oversized rug for a different colour, and is the freight free?", "Exchanges are free both ways, but oversized exchanges and freight are not addressed.")
N("shp-05", "missing-number", "Which buy now, pay later providers do you accept?", "No providers are named.")
N("shp-05", "missing-condition", "I paid with Apple Pay. How long does the refund take?", "Apple Pay is not among the listed payment methods.")
N("shp-05", "missing-condition", "Does the exchanged item get a new 30-day return window?", "Return windows for exchanged items are not addressed.")
N("shp-05", "missing-feature", "Can I exchange an item for a different size at a store?", "No stores are mentioned.")
N("shp-05", "missing-condition", "Is a price adjustment paid back to my card or as store credit?", "How price adjustments are paid out is not stated.")
N("shp-05", "missing-number", "How many exchanges can I make on one item?", "No limit on exchanges is stated.")
N("shp-05", "off-topic", "How long does a bank transfer take in the UK?", "Off-topic.")

# ---- shp-06 damaged, missing or wrong items
A("shp-06", "fact", "How long do I have to report a damaged delivery?", "Within 7 days of delivery.",
  ["Report problems within 7 days of delivery so we can claim from the carrier."])
A("shp-06", "howto", "My vase arrived broken. What do I do?", "Photograph the item and the box including the shipping label, then use Account > Orders > Report a problem.",
  ["Take photos of the damaged item and the box, including the shipping label, then use **Account > Orders > Report a problem**."])
A("shp-06", "yesno", "Do I need to send the damaged item back?", "Usually not unless asked; usually only items over 200 USD.",
  ["You do not need to send the item back unless we ask; usually we ask only for items over 200 USD."])
A("shp-06", "yesno", "Is the shipping refunded for a damaged item?", "Yes, a full refund includes the original shipping cost (or you can get a free replacement).",
  ["For damaged items we offer a free replacement or a full refund, including the original shipping cost."])
A("shp-06", "fact", "My freight delivery looks damaged. What should I do before signing?", "Write \"damaged\" on the delivery receipt before signing.",
  ["For freight deliveries, write \"damaged\" on the delivery receipt before signing."])
A("shp-06", "casual", "tracking says delivered but theres nothing here", "Check with neighbours and your mail room and wait 48 hours, then report it and we'll open an investigation.",
  ["check with neighbours and your building's mail room and wait 48 hours, since carriers sometimes scan early. After that, report it and we will open an investigation with the carrier"])
A("shp-06", "fact", "How long does a missing parcel investigation take?", "Up to 10 business days.",
  ["which takes up to 10 business days"])
A("shp-06", "yesno", "You sent me the wrong item. Do I have to pay to get the right one?", "No, the right one is sent free by Expedited shipping with a prepaid label for the wrong one.",
  ["If we sent the wrong item, we send the right one free with Expedited shipping and email you a prepaid label for the wrong one."])
A("shp-06", "fact", "How long do I have to send back the wrong item?", "30 days, otherwise we may charge for it.",
  ["Please return it within 30 days; otherwise we may charge for it."])
A("shp-06", "fact", "How long is the warranty on electrical items?", "24 months (12 months for other items with manufacturing defects).",
  ["Electrical items have a 24-month warranty.", "Items that stop working within 12 months of delivery because of a manufacturing defect can be repaired, replaced or refunded."])
A("shp-06", "yesno", "I dropped my kettle and it broke. Is that covered?", "No, accidental damage isn't covered.",
  ["Wear and tear, misuse and accidental damage are not covered."])
A("shp-06", "multistep", "My blender stopped working after 18 months because of a defect. Is it still covered?", "Yes, electrical items have a 24-month warranty.",
  ["Electrical items have a 24-month warranty."])
N("shp-06", "missing-number", "How long does a replacement for a damaged item take to arrive?", "Replacement shipping time is not stated (except Expedited for wrong items).")
N("shp-06", "missing-condition", "It's been 10 days since delivery. Can I still report damage?", "Only the 7-day reporting request is stated; what happens after is not.")
N("shp-06", "missing-feature", "Can I buy an extended warranty for electronics?", "Extended warranties are not mentioned.")
N("shp-06", "missing-condition", "Does the warranty cover clearance items?", "Clearance items and warranties are not addressed together.")
N("shp-06", "missing-condition", "Do I need my receipt for a warranty claim?", "Proof of purchase is not mentioned.")
N("shp-06", "missing-feature", "Can I report a damaged item by phone?", "Only the online Report a problem route is described.")
N("shp-06", "missing-condition", "What if the carrier finds my parcel after you've refunded me?", "Not addressed.")
N("shp-06", "missing-condition", "Is damage on international orders handled the same way?", "International damage claims are not addressed.")
N("shp-06", "missing-feature", "Do you have local repair shops for warranty repairs?", "How repairs are done is not described.")
N("shp-06", "missing-number", "How many photos do I need to send?", "Only what the photos must show is stated.")
N("shp-06", "off-topic", "How do I fix a broken zip on a jacket?", "Off-topic.")

# ---- shp-07 Emberlane Plus membership
A("shp-07", "fact", "How much is Emberlane Plus?", "7.99 USD a month or 69 USD a year, plus sales tax where it applies.",
  ["- Monthly: 7.99 USD per month", "- Annual: 69 USD per year"])
A("shp-07", "multistep", "How much would I save per year with annual Plus instead of monthly?", "26.88 USD: 12 x 7.99 USD is 95.88 USD against 69 USD.",
  ["- Monthly: 7.99 USD per month", "- Annual: 69 USD per year"])
A("shp-07", "yesno", "With Plus, is Standard shipping free even on a 10 USD order?", "Yes, free Standard shipping on every order with no minimum.",
  ["- Free Standard shipping on every order, with no minimum"])
A("shp-07", "fact", "When is Expedited shipping free for Plus members?", "On orders of 50 USD or more.",
  ["- Free Expedited shipping on orders of 50 USD or more"])
A("shp-07", "yesno", "Does Plus include Next Day shipping?", "No, Plus does not cover Next Day, freight or international shipping.",
  ["Plus does not cover Next Day shipping, freight shipping for oversized items, or international shipping."])
A("shp-07", "multistep", "I'm a Plus member placing a 400 USD order. How much does the monthly 10% take off?", "30 USD: 10% would be 40 USD, but the discount is capped at 30 USD.",
  ["- 10% off one order each month, up to a 30 USD discount"])
A("shp-07", "yesno", "Can I use my Plus 10% off together with a promo code?", "No, it can't be combined with other discount codes.",
  ["cannot be combined with other discount codes"])
A("shp-07", "yesno", "Do I need a card for the Plus free trial?", "Yes; it's charged when the 30-day trial ends unless you cancel.",
  ["New members get a 30-day free trial. A payment card is required and is charged when the trial ends unless you cancel."])
A("shp-07", "yesno", "Can my husband get Plus benefits on his own account at our address?", "No, one membership covers the account holder only.",
  ["One membership covers the account holder only. Orders placed with another account, even at the same address, do not get Plus benefits."])
A("shp-07", "yesno", "I paid for annual Plus 10 days ago and haven't used it. Can I get my money back?", "Yes, cancelling within 14 days of paying with no benefit used gives a full refund.",
  ["Annual members who cancel within 14 days of paying get a full refund if they have not used any benefit"])
A("shp-07", "casual", "cancelled monthly plus, do i lose it right now", "No, monthly members keep benefits until the end of the current month.",
  ["Monthly members keep benefits until the end of the current month."])
A("shp-07", "fact", "How early do Plus members get into sales?", "24 hours before everyone else, for seasonal sales.",
  ["- Early access to seasonal sales, 24 hours before everyone else"])
N("shp-07", "missing-condition", "Is there a student price for Plus?", "No discounted Plus pricing is mentioned.")
N("shp-07", "nonexistent-plan", "Is there a cheaper Emberlane Basic membership with just free shipping?", "There is no Basic membership; only Emberlane Plus, monthly or annual.")
N("shp-07", "missing-feature", "Can I pause my Plus membership for a couple of months?", "Pausing is not mentioned.")
N("shp-07", "missing-feature", "Do Plus members get a birthday reward?", "Birthday rewards are not among the benefits.")
N("shp-07", "mixed", "Can I pay for my Plus membership with a gift card?", "Gift card restrictions cover buying gift cards; paying for Plus with one is not addressed.")
N("shp-07", "missing-number", "How much sales tax is added to Plus?", "Tax is 'added where it applies'; no rate is given.")
N("shp-07", "missing-feature", "Do Plus members get priority customer support?", "Support priority is not among the benefits.")
N("shp-07", "missing-condition", "Can I switch from monthly to annual Plus and get credit for this month?", "Switching billing period is not addressed.")
N("shp-07", "nonexistent-plan", "What extra do I get with Emberlane Plus Premium?", "There is only one Plus membership, monthly or annual.")
N("shp-07", "missing-condition", "Does the 10% monthly discount apply to gift card purchases?", "Whether gift cards are eligible for the discount is not stated.")
N("shp-07", "off-topic", "Is Amazon Prime worth it?", "Off-topic: another company's product.")

# ---- shp-08 gift cards and store credit
A("shp-08", "fact", "What amounts do digital gift cards come in?", "From 10 USD to 500 USD.",
  ["Digital gift cards are available from 10 USD to 500 USD"])
A("shp-08", "fact", "What values are physical gift cards?", "25, 50 and 100 USD, shipped free by Standard shipping in a greeting card.",
  ["Physical gift cards come in 25, 50 and 100 USD and ship free by Standard shipping in a greeting card."])
A("shp-08", "fact", "How far in advance can I schedule a digital gift card?", "Up to 90 days ahead.",
  ["emailed to the recipient at the time you choose, up to 90 days ahead"])
A("shp-08", "yesno", "Can I buy a gift card with my store credit?", "No, gift cards can't be bought with another gift card or store credit.",
  ["Gift cards cannot be bought with another gift card or with store credit."])
A("shp-08", "fact", "How many gift cards can I use on one order?", "Up to 5.",
  ["You can use up to 5 gift cards on one order."])
A("shp-08", "yesno", "Do Emberlane gift cards expire?", "No, they don't expire and carry no fees.",
  ["Emberlane Goods gift cards do not expire and carry no fees."])
A("shp-08", "yesno", "Can I use my gift card at a partner store?", "No, only on emberlane.example.",
  ["Gift cards can be used on emberlane.example only. They cannot be used in partner stores or exchanged for cash, except where state law requires it."])
A("shp-08", "fact", "Does store credit expire?", "Credit from returns never expires; goodwill credit expires after 12 months.",
  ["Store credit from returns never expires. Goodwill credit expires after 12 months."])
A("shp-08", "casual", "lost my gift card, can you replace it", "Only if you have the original order number or the card's code; the balance moves to a new card within 2 business days.",
  ["We can replace a gift card only if you have the original order number or the card's code. The unused balance moves to a new card within 2 business days."])
A("shp-08", "yesno", "I paid with a gift card and returned the item. Where does the refund go?", "Back to the same gift card (or its replacement).",
  ["When you return an item bought with a gift card, the refund goes back to the same gift card."])
A("shp-08", "multistep", "Can I buy 3,000 USD of gift cards for my staff today?", "Not all today: the limit is 2,000 USD of gift cards per day.",
  ["You can buy up to 2,000 USD of gift cards per day."])
A("shp-08", "yesno", "Is my store credit used automatically at checkout?", "Yes, unless you turn it off.",
  ["applied automatically at checkout unless you turn it off"])
N("shp-08", "missing-feature", "Can I add my own photo to a digital gift card?", "Gift card designs are not mentioned.")
N("shp-08", "missing-condition", "Can I transfer my store credit to a friend?", "Transferring credit is not addressed.")
N("shp-08", "missing-feature", "Where can I check my gift card balance?", "Balance checks are not described.")
N("shp-08", "missing-number", "Do you give a discount on bulk corporate gift card orders?", "Bulk discounts are not mentioned.")
N("shp-08", "missing-condition", "Can I use a gift card on an order shipping to Canada?", "International use of gift cards is not addressed.")
N("shp-08", "missing-feature", "Can I top up an existing gift card?", "Reloading is not mentioned.")
N("shp-08", "missing-condition", "Can I change the recipient's email after scheduling a digital gift card?", "Editing scheduled cards is not mentioned.")
N("shp-08", "missing-condition", "Which states make you cash out a gift card?", "State law is mentioned but no states are named.")
N("shp-08", "missing-feature", "Can I buy a gift card with Venmo?", "Venmo is never mentioned; only gift cards and store credit are ruled out for buying gift cards.")
N("shp-08", "missing-condition", "Does goodwill credit from support count towards the free shipping threshold?", "Only gift cards in the order are excluded from the threshold; credit is not addressed.")
N("shp-08", "off-topic", "What's a good birthday present for a 10-year-old?", "Off-topic.")
