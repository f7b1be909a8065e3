# Taskmoor (project management). Labels checked against all eight pmg-* articles.

# ---- pmg-01 plans and pricing
A("pmg-01", "fact", "How much is Plus per member if I pay monthly?", "10 USD per member per month (8 USD on annual billing).",
  ["| Plus | 8 USD | 10 USD | up to 100 |"])
A("pmg-01", "multistep", "What would Scale cost per year for 12 members on annual billing?", "2,304 USD: 16 USD per member per month x 12 members x 12 months, charged once a year.",
  ["| Scale | 16 USD | 19 USD | unlimited |", "Annual prices are shown per member per month but charged once a year."])
A("pmg-01", "yesno", "Do guests count as paid members?", "No, guests are free on every plan and do not count as members.",
  ["Guests are free on every plan and do not count as members."])
A("pmg-01", "fact", "How many projects can I have on Starter?", "3 active projects.",
  ["Includes unlimited tasks, 3 active projects"])
A("pmg-01", "yesno", "Is time tracking included in Starter?", "No, automations and time tracking are not included in Starter.",
  ["Automations and time tracking are not included."])
A("pmg-01", "fact", "What's the minimum team size for Enterprise?", "Enterprise contracts start at 50 members.",
  ["Enterprise contracts start at 50 members."])
A("pmg-01", "yesno", "If I remove a member, do I get money back?", "No; the seat stays paid until the end of the billing period and can be reused.",
  ["Removing a member does not give a refund; the seat stays paid until the end of the billing period and can be reused."])
A("pmg-01", "howto", "We're a registered nonprofit. How do we get a discount?", "Apply under Settings > Billing > Discounts for 50% off Plus and Scale on annual billing; approval takes up to 5 business days.",
  ["Registered nonprofits and accredited schools get 50% off Plus and Scale on annual billing. Apply under **Settings > Billing > Discounts**; approval takes up to 5 business days."])
A("pmg-01", "multistep", "We're a registered charity with 20 members on Plus, billed annually. What's our yearly bill?", "960 USD: 50% off 8 USD is 4 USD per member per month, x 20 members x 12 months.",
  ["| Plus | 8 USD | 10 USD | up to 100 |", "Registered nonprofits and accredited schools get 50% off Plus and Scale on annual billing."])
A("pmg-01", "casual", "do i pay for people who never log in", "Yes, every member in the workspace is charged, whether or not they log in.",
  ["You are charged for every member in the workspace, whether or not they log in."])
A("pmg-01", "fact", "How much file storage do we get on Plus?", "10 GB per member.",
  ["10 GB of storage per member"])
N("pmg-01", "missing-condition", "Is there a discount for early-stage startups?", "Only nonprofit and education discounts are described.")
N("pmg-01", "nonexistent-plan", "What's included in Taskmoor Pro?", "There is no Pro plan; plans are Starter, Plus, Scale and Enterprise.")
N("pmg-01", "missing-feature", "Can we pay by bank transfer against an invoice?", "Payment methods are not mentioned.")
N("pmg-01", "missing-number", "How much does extra storage cost on Starter?", "Buying extra storage is not mentioned.")
N("pmg-01", "missing-condition", "Do universities outside the US count as accredited schools for the discount?", "What counts as an accredited school is not defined.")
N("pmg-01", "missing-feature", "Is there a free trial of Scale?", "Trials are not mentioned.")
N("pmg-01", "missing-number", "What do the plans cost in euros?", "Prices are given in USD only.")
N("pmg-01", "missing-condition", "Can I switch from annual to monthly billing halfway through the contract?", "Changing billing period is not addressed.")
N("pmg-01", "mixed", "Can I add SAML single sign-on to Plus as an add-on?", "SSO is listed under Enterprise; add-ons other than time tracking are never mentioned.")
N("pmg-01", "mixed", "How long are audit logs kept on Scale?", "Audit logs are described only for Enterprise (2 years).")
N("pmg-01", "mixed", "If we cancel our annual plan after 3 months, do we get the rest refunded?", "Only removing a member is said to give no refund; cancelling a plan is not addressed.")
N("pmg-01", "off-topic", "How do I make a Gantt chart in Excel?", "Off-topic: another company's product.")

# ---- pmg-02 workspace roles and permissions
A("pmg-02", "fact", "What roles does a Taskmoor workspace have?", "Four: Owner, Admin, Member and Guest.",
  ["Every Taskmoor workspace has four roles.", "| Action | Owner | Admin | Member | Guest |"])
A("pmg-02", "yesno", "Can an admin manage billing?", "No, only the owner can manage billing.",
  ["| Manage billing | Yes | No | No | No |"])
A("pmg-02", "yesno", "Can guests create projects?", "No.",
  ["| Create projects | Yes | Yes | Yes | No |"])
A("pmg-02", "howto", "How do I make someone else the owner?", "The owner can promote any admin to owner; the previous owner becomes an admin.",
  ["The owner can promote any admin to owner; the previous owner then becomes an admin."])
A("pmg-02", "fact", "What happens if the owner's account gets closed?", "The longest-serving admin becomes owner automatically.",
  ["If the owner's account is closed, the longest-serving admin becomes owner automatically."])
A("pmg-02", "fact", "How many admins can a workspace have?", "Any number.",
  ["A workspace can have any number of admins."])
A("pmg-02", "howto", "How do I stop members from inviting other members?", "Turn off Settings > Permissions > Member invites (allowed by default).",
  ["Whether members can invite other members is controlled by **Settings > Permissions > Member invites**. Default: allowed."])
A("pmg-02", "yesno", "Can guests see our team's email addresses?", "No, guests cannot see member email addresses.",
  ["Guests cannot see member email addresses."])
A("pmg-02", "yesno", "Can a guest create tasks in my project?", "Only if the project's admin grants Guest editing.",
  ["cannot create tasks unless the project's admin grants **Guest editing**"])
A("pmg-02", "casual", "can admins see private projects theyre not in", "Yes, admins see all projects, including private ones.",
  ["see all projects, including private ones"])
A("pmg-02", "yesno", "Can project permissions give a guest more rights than the guest role allows?", "No, project permissions can narrow but never widen what the workspace role allows.",
  ["Project permissions can narrow, but never widen, what a person's workspace role allows."])
A("pmg-02", "multistep", "Someone has Comment only access to a project. Can they delete it?", "No, only people with Full access can delete a project.",
  ["Only people with Full access can change a project's settings or delete it."])
N("pmg-02", "missing-feature", "Can I set up teams or groups to give a whole department access at once?", "Groups or teams are never mentioned.")
N("pmg-02", "mixed", "Can admins see a log of role changes on Plus?", "Audit logs are described only for Enterprise; Plus is not addressed.")
N("pmg-02", "missing-condition", "Can I require two-factor authentication only for admins?", "Scale lets admins require 2FA for all members; per-role rules are not mentioned.")
N("pmg-02", "missing-condition", "Can guests see other guests on the same project?", "Guest visibility of other guests is not addressed.")
N("pmg-02", "missing-feature", "Can members see a directory of everyone in the workspace?", "A member directory is not mentioned.")
N("pmg-02", "missing-feature", "Can I restrict guest access to our office IP addresses?", "IP restrictions are never mentioned.")
N("pmg-02", "missing-feature", "Is there a cheaper view-only member seat?", "Only the four roles are described; no view-only pricing exists in the articles.")
N("pmg-02", "missing-condition", "Can guests export a project's data?", "Guest export rights are not addressed.")
N("pmg-02", "missing-feature", "Can admins read members' direct messages?", "Direct messaging is never mentioned.")
N("pmg-02", "missing-number", "How many guests can one member invite per day?", "No such limit is given.")
N("pmg-02", "off-topic", "How do I change my Windows user account name?", "Off-topic: another company's product.")

# ---- pmg-03 tasks, subtasks and dependencies
A("pmg-03", "fact", "How many tasks can a project hold?", "Up to 20,000, including completed ones.",
  ["A project can hold up to 20,000 tasks, including completed ones."])
A("pmg-03", "fact", "How deep can subtasks be nested?", "Up to 4 levels deep, with up to 250 subtasks per task.",
  ["Each task can have up to 250 subtasks, and subtasks can be nested up to 4 levels deep."])
A("pmg-03", "yesno", "Can I assign one task to two people on Starter?", "No, Starter allows one assignee per task (Plus and above allow up to 20).",
  ["A task can have one assignee on Starter and up to 20 assignees on Plus and above."])
A("pmg-03", "fact", "When is the next copy of a recurring task created?", "When the current one is marked complete, not on a fixed schedule.",
  ["The next copy is created when the current one is marked complete, not on a fixed schedule."])
A("pmg-03", "yesno", "Do comments carry over to the next copy of a recurring task?", "No, subtasks are copied but comments and attachments are not.",
  ["Subtasks are copied; comments and attachments are not."])
A("pmg-03", "yesno", "Can I use task dependencies on Starter?", "No, dependencies are available on Plus and above.",
  ["Dependencies are available on Plus and above."])
A("pmg-03", "casual", "getting error TM-409 when i add a blocker", "It's a loop: if task A is blocked by B, B can't be blocked by A.",
  ["Taskmoor prevents loops: if task A is blocked by B, you cannot make B blocked by A. The attempt shows error TM-409."])
A("pmg-03", "yesno", "Can I move a task to a different workspace?", "No, tasks can't be moved between workspaces; copy them instead (comments are not copied).",
  ["Tasks cannot be moved between workspaces; copy them instead. Copying does not include comments."])
A("pmg-03", "fact", "What's the shortcut to assign a task to myself?", "Tab + M.",
  ["- **Tab + M**: assign to me"])
A("pmg-03", "fact", "If a task has a due date but no time, when exactly is it due?", "At the end of that day in the assignee's time zone.",
  ["a due date without a time is treated as the end of that day in the assignee's time zone"])
A("pmg-03", "yesno", "Will the assignee get due date reminders while the task is still blocked?", "No, while a blocker is open the assignee isn't notified as the due date approaches; they're notified when the last blocker is completed.",
  ["its assignee is not notified when the due date approaches. When the last blocker is completed, the assignee gets a notification."])
A("pmg-03", "multistep", "If I move a task to another project, will its custom field values come along?", "Only if the target project has a field with the same name and type; comments, subtasks and attachments always move.",
  ["Its comments, subtasks and attachments move with it; custom field values are kept only if the target project has a field with the same name and type."])
N("pmg-03", "missing-feature", "Can I add a start date to a task as well as a due date?", "Start dates are not mentioned.")
N("pmg-03", "missing-number", "How many comments can one task have?", "No comment limit is stated.")
N("pmg-03", "missing-feature", "Can I import my tasks from Trello?", "Trello and imports are never mentioned.")
N("pmg-03", "missing-feature", "Is there a keyboard shortcut to delete a task?", "Only quick add, assign to me and set a due date shortcuts are listed.")
N("pmg-03", "missing-number", "What's the biggest attachment I can add to a task?", "Attachment size limits are not given.")
N("pmg-03", "missing-condition", "Can a task be blocked by a task in another project?", "Cross-project dependencies are not addressed.")
N("pmg-03", "missing-feature", "Can one task live in two projects at the same time?", "Multi-project tasks are not mentioned.")
N("pmg-03", "missing-feature", "Can I save a task as a template?", "Templates for tasks are not mentioned.")
N("pmg-03", "missing-condition", "Are recurring tasks available on the Starter plan?", "Which plans include recurring tasks is not stated.")
N("pmg-03", "missing-number", "How many tasks can a single task block?", "Only the limit of 30 blockers per blocked task is stated.")
N("pmg-03", "mixed", "Does the timeline view draw dependency arrows between tasks?", "Timeline view exists on Plus, but how dependencies are shown there is not described.")
N("pmg-03", "off-topic", "What's the keyboard shortcut for a screenshot on a Mac?", "Off-topic: another company's product.")

# ---- pmg-04 automations
A("pmg-04", "yesno", "Can I use automations on Starter?", "No, automations are available on Plus, Scale and Enterprise.",
  ["They are available on Plus, Scale and Enterprise."])
A("pmg-04", "fact", "How many conditions and actions can one automation have?", "One trigger, up to 3 conditions and up to 5 actions.",
  ["Each automation has one trigger, up to 3 conditions and up to 5 actions."])
A("pmg-04", "fact", "How many automation runs a month does Scale include?", "5,000.",
  ["| Scale | 5,000 |"])
A("pmg-04", "yesno", "Does an automation that performs 4 actions use 4 runs?", "No, it counts as one run however many actions it performs.",
  ["A run is counted each time an automation's trigger fires and its conditions pass, however many actions it then performs."])
A("pmg-04", "yesno", "Do unused automation runs roll over to next month?", "No.",
  ["Unused runs do not carry over."])
A("pmg-04", "casual", "all my automations stopped and show TM-429", "You've used 100% of the monthly quota; automations pause until the reset at 00:00 UTC on the first of the month.",
  ["At 100%, automations pause until the next reset, and each paused automation shows error TM-429.",
   "Quotas reset at 00:00 UTC on the first day of each month."])
A("pmg-04", "fact", "When are admins warned about the automation quota?", "By email at 80% of the quota.",
  ["When you reach 80% of the quota, workspace admins get an email."])
A("pmg-04", "yesno", "Can a regular member create a workspace-wide automation?", "No, only admins and the owner can; members with Full access can create automations for that project.",
  ["Workspace-wide automations, which work across all projects, can be created only by admins and the owner."])
A("pmg-04", "yesno", "Can an automation delete old tasks?", "No, automations cannot delete tasks or projects.",
  ["- Automations cannot delete tasks or projects."])
A("pmg-04", "yesno", "Can an automation email my client at their own company address?", "No, automations cannot send email to addresses outside the workspace.",
  ["- Automations cannot send email to addresses outside the workspace."])
A("pmg-04", "fact", "How much run history does an automation keep?", "Its last 100 runs.",
  ["Each automation keeps a history of its last 100 runs"])
A("pmg-04", "multistep", "On Plus, after how many runs do admins get the warning email?", "After 200 runs: 80% of the 250-run monthly quota.",
  ["| Plus | 250 |", "When you reach 80% of the quota, workspace admins get an email."])
N("pmg-04", "missing-number", "Can I buy extra automation runs when I run out?", "Buying extra runs is not mentioned.")
N("pmg-04", "missing-feature", "Can an automation post a message to Slack?", "Slack is never mentioned.")
N("pmg-04", "missing-feature", "Can I make an automation run every Monday morning on a schedule?", "Time-based triggers are not mentioned.")
N("pmg-04", "missing-number", "How many automations can one project have?", "No per-project limit is stated.")
N("pmg-04", "missing-condition", "Do runs with a failed action still count towards the quota?", "Counting is tied to trigger and conditions; failed actions' effect on quota isn't stated.")
N("pmg-04", "missing-feature", "Are there ready-made automation templates?", "Templates are not mentioned.")
N("pmg-04", "missing-number", "How many days of run history are kept?", "History is given as the last 100 runs, not a number of days.")
N("pmg-04", "missing-feature", "Can an automation call an external webhook URL?", "Webhook actions are not mentioned.")
N("pmg-04", "missing-feature", "Can I test an automation without using up a run?", "Test runs are not mentioned.")
N("pmg-04", "missing-condition", "If I upgrade from Plus to Scale mid-month, do I get the full 5,000 runs straight away?", "Mid-month upgrades and quota changes are not addressed.")
N("pmg-04", "off-topic", "How do I connect Zapier to Google Sheets?", "Off-topic: other companies' products.")

# ---- pmg-05 time tracking and timesheets
A("pmg-05", "fact", "Can I get time tracking on Plus?", "Yes, as an add-on for 3 USD per member per month (it's included in Scale and Enterprise).",
  ["Time tracking is included in Scale and Enterprise. On Plus it is available as an add-on for 3 USD per member per month."])
A("pmg-05", "multistep", "We're on Plus with 10 members. How much more a month to add time tracking?", "30 USD a month: 3 USD per member for 10 members.",
  ["On Plus it is available as an add-on for 3 USD per member per month."])
A("pmg-05", "yesno", "Can I run two timers at once?", "No, one timer per person; starting a new one stops the previous timer.",
  ["Only one timer can run at a time per person; starting a new one stops the previous timer."])
A("pmg-05", "fact", "What happens if I forget my timer running overnight?", "After 12 hours it stops automatically and the entry is flagged for review.",
  ["A timer that runs for more than 12 hours stops automatically and the entry is flagged for review."])
A("pmg-05", "fact", "How far back can I add time manually?", "Any date in the past 60 days.",
  ["Manual entries can be added for any date in the past 60 days."])
A("pmg-05", "yesno", "Are time entries billable by default?", "Yes, the default is Billable.",
  ["Default: Billable."])
A("pmg-05", "yesno", "If there's a project rate and a person's rate, which one is used?", "The person's rate overrides the project's rate.",
  ["a person's rate overrides the project's rate"])
A("pmg-05", "fact", "When do timesheet reminders go out?", "If a timesheet isn't submitted by Tuesday 23:59 of the following week.",
  ["Timesheets that are not submitted by Tuesday 23:59 of the following week are sent a reminder."])
A("pmg-05", "yesno", "Can I send invoices to clients from Taskmoor?", "No, invoicing clients directly is not supported.",
  ["- Invoicing clients directly from Taskmoor"])
A("pmg-05", "yesno", "Can I track time on a subtask separately?", "No, not separately from its parent task.",
  ["- Tracking time on a subtask separately from its parent task"])
A("pmg-05", "fact", "What formats can I export time reports in?", "CSV or XLSX, up to 100,000 entries per export.",
  ["exported as CSV or XLSX. Exports include up to 100,000 entries"])
A("pmg-05", "casual", "timesheet got approved but i made a mistake, can i fix it", "Approved entries are locked and can only be changed by an admin.",
  ["Once approved, entries are locked and can only be changed by an admin."])
A("pmg-05", "yesno", "Can I log one 30-hour entry for our weekend hackathon?", "No, entries can be at most 24 hours long.",
  ["Entries must be at least 1 minute and at most 24 hours long."])
N("pmg-05", "missing-feature", "Does Taskmoor sync time entries to QuickBooks?", "QuickBooks is never mentioned.")
N("pmg-05", "missing-feature", "Is there a desktop timer app?", "Only the in-task timer is described.")
N("pmg-05", "missing-condition", "Can I set a higher rate for overtime hours?", "Only per-project and per-person rates are described.")
N("pmg-05", "missing-feature", "Can I set an hours budget for a project and get warned when it's used up?", "Budgets are not mentioned.")
N("pmg-05", "missing-number", "What currencies can hourly rates be set in?", "Rate currencies are not stated.")
N("pmg-05", "missing-condition", "Do approvers get notified when someone submits a timesheet?", "Notifications for approvers are not described.")
N("pmg-05", "missing-feature", "Can I start a timer from the mobile app?", "A mobile app is never mentioned.")
N("pmg-05", "missing-condition", "Can guests log time on tasks assigned to them?", "Guests and time tracking are not addressed together.")
N("pmg-05", "missing-condition", "On Plus, can we buy the time tracking add-on for just 3 of our 10 members?", "The add-on is priced per member; whether it can cover only some members is not stated.")
N("pmg-05", "missing-feature", "Can time entries be rounded to the nearest 15 minutes?", "Rounding is not mentioned.")
N("pmg-05", "off-topic", "How do I calculate overtime pay in the UK?", "Off-topic.")

# ---- pmg-06 API and rate limits
A("pmg-06", "fact", "What's the base URL for the API?", "https://api.taskmoor.example/v2/",
  ["Requests go to `https://api.taskmoor.example/v2/`."])
A("pmg-06", "howto", "How do I get an API token?", "Create a personal access token under Profile > Developer > Tokens.",
  ["Create a personal access token under **Profile > Developer > Tokens**."])
A("pmg-06", "fact", "When do API tokens expire?", "After 90 days unless you pick No expiry, which is allowed only on Scale and Enterprise.",
  ["A token expires after 90 days unless you pick **No expiry**, which is allowed only on Scale and Enterprise."])
A("pmg-06", "yesno", "We're on Plus. Can I make a token that never expires?", "No, No expiry is allowed only on Scale and Enterprise.",
  ["which is allowed only on Scale and Enterprise"])
A("pmg-06", "fact", "What's the API rate limit on Plus?", "300 requests per minute per token.",
  ["| Plus | 300 |"])
A("pmg-06", "casual", "api keeps giving me 429s", "You've exceeded the rate limit; wait the number of seconds in the Retry-After header.",
  ["When you exceed the limit, the API returns HTTP 429 with a `Retry-After` header giving the number of seconds to wait."])
A("pmg-06", "fact", "Do search endpoints have the same rate limit?", "No, search has a separate limit of 20 requests per minute on every plan.",
  ["Search endpoints have a separate limit of 20 requests per minute on every plan."])
A("pmg-06", "fact", "How many items can I get per page?", "50 by default, up to 200 with limit=200.",
  ["List endpoints return 50 items by default and up to 200 with `limit=200`."])
A("pmg-06", "fact", "How long is a next_cursor valid?", "10 minutes.",
  ["Cursors expire after 10 minutes."])
A("pmg-06", "yesno", "Can I use webhooks on Starter?", "No, webhooks are available on Plus and above.",
  ["Webhooks are available on Plus and above."])
A("pmg-06", "fact", "What happens if my webhook endpoint is slow?", "If it doesn't return 2xx within 10 seconds, delivery is retried up to 5 times over 24 hours; after 3 days of failures it's disabled.",
  ["If your endpoint does not return a 2xx status within 10 seconds, the delivery is retried up to 5 times over 24 hours. After 3 days of continuous failures, the webhook is disabled and the creator is emailed."])
A("pmg-06", "fact", "What does a 403 from the API mean?", "The token is valid but lacks permission for that resource.",
  ["| 403 | Token valid but lacks permission for this resource |"])
A("pmg-06", "fact", "how many api tokens can i have", "Up to 10 active tokens per person.",
  ["Each person can hold up to 10 active tokens."])
N("pmg-06", "missing-feature", "Is there a GraphQL API?", "Only the REST API is mentioned.")
N("pmg-06", "missing-feature", "Do you have an official Python SDK?", "SDKs are never mentioned.")
N("pmg-06", "missing-feature", "Can I build an OAuth app instead of using personal tokens?", "OAuth is never mentioned.")
N("pmg-06", "missing-number", "What's the maximum request body size?", "Request size limits are not stated.")
N("pmg-06", "missing-feature", "Is there a sandbox workspace for testing the API?", "A sandbox is never mentioned.")
N("pmg-06", "missing-number", "How high can Enterprise's rate limit be raised?", "It's 'raised on request'; no figure is given.")
N("pmg-06", "missing-condition", "Can I re-enable a webhook after it's been disabled?", "Re-enabling is not described.")
N("pmg-06", "missing-feature", "Can I subscribe a webhook to task-completed events only?", "Webhook event types are not described.")
N("pmg-06", "missing-condition", "Is version 1 of the API still supported?", "Only v2 is mentioned.")
N("pmg-06", "mixed", "Can I make a token read-only?", "Tokens act with their creator's permissions; token scopes are not mentioned.")
N("pmg-06", "off-topic", "How do I fix CORS errors in my React app?", "Off-topic.")

# ---- pmg-07 sharing projects with clients
A("pmg-07", "fact", "How long does a guest have to accept an invitation?", "7 days to create a login and confirm their email.",
  ["Guests must create a free Taskmoor login and confirm their email within 7 days, or the invitation expires."])
A("pmg-07", "fact", "How many projects can a guest join on Plus?", "Up to 20 (1 on Starter, no limit on Scale and Enterprise).",
  ["on Starter each guest can join only 1 project, and on Plus up to 20. On Scale and Enterprise there is no project limit for guests."])
A("pmg-07", "yesno", "Does the client view show our comments?", "No, it doesn't show comments, time entries, attachments or assignee email addresses.",
  ["It does not show comments, time entries, attachments or assignee email addresses."])
A("pmg-07", "yesno", "Can I make a client view on Starter?", "No, client views are on Plus and above.",
  ["- Available on Plus and above."])
A("pmg-07", "yesno", "We're on Plus. Can I password-protect a client view?", "No, passwords are available on Scale and Enterprise.",
  ["- On Scale and Enterprise you can require a password of at least 8 characters."])
A("pmg-07", "fact", "How often does the client view update?", "Every 15 minutes, not in real time.",
  ["Client views update every 15 minutes, not in real time."])
A("pmg-07", "casual", "turned the client view off and back on and now the old link is dead", "Yes, turning it off breaks the link straight away and turning it on creates a new link.",
  ["Turning a client view off breaks the link straight away; turning it on again creates a new link."])
A("pmg-07", "yesno", "Can I use my own domain for client views on Scale?", "No, custom domains are Enterprise only (Scale can show your logo and colours).",
  ["Custom domains such as `status.yourcompany.example` are Enterprise only."])
A("pmg-07", "fact", "How far ahead can a client view link expire?", "Up to 1 year ahead, on a date you choose.",
  ["Links can be set to expire on a date you choose, up to 1 year ahead."])
A("pmg-07", "yesno", "If I remove a guest, do their comments disappear?", "No, their comments and files stay, labelled Former guest.",
  ["Their comments and uploaded files stay in the project and show their name with the label **Former guest**."])
A("pmg-07", "multistep", "On Scale, can a client view show our logo and also need a password?", "Yes: Scale client views show your logo and colours, and can require a password of at least 8 characters.",
  ["On Scale and Enterprise, client views show your logo and colours instead of Taskmoor's.", "- On Scale and Enterprise you can require a password of at least 8 characters."])
N("pmg-07", "missing-feature", "Can I embed a client view on our website?", "Embedding is not mentioned.")
N("pmg-07", "missing-number", "How many client views can one project have?", "No number is stated.")
N("pmg-07", "missing-condition", "Can I hide some tasks from the client view?", "Choosing which tasks show is not described.")
N("pmg-07", "missing-feature", "Can the client view show the timeline as a Gantt chart?", "Only tasks, due dates and progress are listed.")
N("pmg-07", "missing-feature", "Can guests sign in with their Google account?", "Sign-in methods for guests are not mentioned.")
N("pmg-07", "missing-condition", "Can the same guest be in projects in two different workspaces?", "Guests across workspaces are not addressed.")
N("pmg-07", "missing-feature", "Can I see who has opened the client view link?", "View tracking is not mentioned.")
N("pmg-07", "missing-condition", "Do guests get email notifications when tasks change?", "Guest notifications are not described.")
N("pmg-07", "missing-feature", "Can the client view be shown in French for my client?", "Languages are not mentioned.")
N("pmg-07", "missing-number", "How many client views can we have on Plus in total?", "No limit on client views is given.")
N("pmg-07", "off-topic", "How do I share a Google Doc with a client?", "Off-topic: another company's product.")

# ---- pmg-08 archiving, deleting and restoring
A("pmg-08", "yesno", "Do archived projects count towards Starter's 3 projects?", "No, archived projects don't count towards the 3 active projects.",
  ["Archived projects are read-only and do not count towards the 3 active projects allowed on Starter."])
A("pmg-08", "fact", "How long can I restore deleted tasks?", "For 30 days from the project's Trash.",
  ["Deleted tasks go to the project's **Trash** and can be restored for 30 days."])
A("pmg-08", "yesno", "If I delete a parent task, are its subtasks deleted too?", "Yes, and restoring the parent restores them.",
  ["Deleting a parent task also deletes its subtasks; restoring the parent restores them too."])
A("pmg-08", "yesno", "Can a member restore a deleted project?", "No, only an admin or the owner can restore it from the workspace trash within 30 days.",
  ["Members cannot restore deleted projects.", "Deleted projects stay in the workspace trash for 30 days, where an admin or the owner can restore them."])
A("pmg-08", "howto", "How do I delete our workspace?", "As owner, cancel any paid plan first, then confirm by typing the workspace name; it's locked for 14 days before everything is erased.",
  ["Only the owner can delete a workspace, and only after cancelling any paid plan. Taskmoor asks you to type the workspace name to confirm. The workspace is then locked for 14 days"])
A("pmg-08", "casual", "deleted our workspace yesterday by accident pls help", "The owner can cancel the deletion from the email within the 14-day lock.",
  ["The workspace is then locked for 14 days, during which the owner can cancel the deletion from the email we send."])
A("pmg-08", "yesno", "Can support restore one project from your backups?", "No, backups are only for disaster recovery, not for restoring individual items or projects.",
  ["Backups are not used to restore individual items or projects for customers."])
A("pmg-08", "howto", "How do I leave a workspace?", "From Profile > Workspaces > Leave; your tasks stay and show as unassigned.",
  ["Members can leave a workspace at any time from **Profile > Workspaces > Leave**. Their tasks stay in place and show as unassigned."])
A("pmg-08", "fact", "How do I export all our workspace data?", "Admins or the owner export it as JSON from Settings > Export; ready within 24 hours, link valid for 7 days.",
  ["Admins and the owner can export all workspace data as JSON from **Settings > Export**. Exports are ready within 24 hours and the download link is valid for 7 days."])
A("pmg-08", "yesno", "Can I still edit tasks in an archived project?", "No, archived projects are read-only.",
  ["Archived projects are read-only"])
A("pmg-08", "multistep", "I deleted a task 5 weeks ago. Can I still get it back?", "No, deleted tasks can be restored for 30 days; after that they're removed permanently.",
  ["can be restored for 30 days. After that they are removed permanently."])
A("pmg-08", "yesno", "I'm the owner. Can I just leave the workspace?", "Not until you transfer ownership.",
  ["The owner must transfer ownership before leaving."])
N("pmg-08", "missing-feature", "Can I export just one project to CSV?", "Only whole-workspace JSON export is described.")
N("pmg-08", "missing-number", "Is there a limit on how many projects I can archive?", "No archive limit is stated.")
N("pmg-08", "missing-condition", "Do archived projects still use up our storage allowance?", "Storage and archiving are not linked anywhere.")
N("pmg-08", "missing-feature", "Can I schedule a weekly automatic export?", "Scheduled exports are not mentioned.")
N("pmg-08", "missing-condition", "Can I search inside the Trash?", "Searching the Trash is not mentioned.")
N("pmg-08", "missing-condition", "Can Enterprise customers keep the Trash longer than 30 days?", "No plan-specific trash periods are mentioned.")
N("pmg-08", "missing-feature", "Can I restore a comment I deleted?", "Deleting or restoring comments is not mentioned.")
N("pmg-08", "mixed", "When someone leaves the workspace, what happens to the files they uploaded?", "Only their tasks are addressed (they become unassigned); files are not.")
N("pmg-08", "missing-feature", "Can I import a JSON export into a new workspace?", "Importing exports is not mentioned.")
N("pmg-08", "missing-feature", "Can I archive a single task instead of deleting it?", "Archiving is described only for projects.")
N("pmg-08", "off-topic", "How do I recover deleted photos on my Android phone?", "Off-topic.")
