<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AccountScreen</name>
    <message>
        <source>Unlock with fingerprint</source>
        <translation>Unlock with fingerprint</translation>
    </message>
    <message>
        <source>Keeps you signed in, locked until your finger says it's you.</source>
        <translation>Keeps you signed in, locked until your finger says it's you.</translation>
    </message>
    <message>
        <source>Sign in at a kiosk</source>
        <translation>Sign in at a kiosk</translation>
    </message>
    <message>
        <source>Type the code shown on the kiosk screen</source>
        <translation>Type the code shown on the kiosk screen</translation>
    </message>
    <message>
        <source>Privacy centre</source>
        <translation>Privacy centre</translation>
    </message>
    <message>
        <source>What we know, download it, delete it</source>
        <translation>What we know, download it, delete it</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Phone setting</source>
        <translation>Phone setting</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>CartScreen</name>
    <message>
        <source>Your cart</source>
        <translation>Your cart</translation>
    </message>
    <message>
        <source>The same cart you see at our kiosks and on the web.</source>
        <translation>The same cart you see at our kiosks and on the web.</translation>
    </message>
    <message>
        <source>Your cart is empty. Items you add at a kiosk show up here too.</source>
        <translation>Your cart is empty. Items you add at a kiosk show up here too.</translation>
    </message>
    <message>
        <source>Loading your cart…</source>
        <translation>Loading your cart…</translation>
    </message>
    <message>
        <source>Qty %1</source>
        <translation>Qty %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Prices include tax.</source>
        <translation>Prices include tax.</translation>
    </message>
    <message>
        <source>Popular in store</source>
        <translation>Popular in store</translation>
    </message>
    <message>
        <source>Add %1 to the cart</source>
        <translation>Add %1 to the cart</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Gold member</source>
        <translation>Gold member</translation>
    </message>
    <message>
        <source>Silver member</source>
        <translation>Silver member</translation>
    </message>
    <message>
        <source>Bronze member</source>
        <translation>Bronze member</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Add your phone number to unlock</source>
        <translation>Add your phone number to unlock</translation>
    </message>
    <message>
        <source>Add your birthday to unlock</source>
        <translation>Add your birthday to unlock</translation>
    </message>
    <message>
        <source>Share a little more to unlock</source>
        <translation>Share a little more to unlock</translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation>Hello, %1</translation>
    </message>
    <message>
        <source>Hello</source>
        <translation>Hello</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>Offers for you</source>
        <translation>Offers for you</translation>
    </message>
    <message>
        <source>No offers right now. Check back soon!</source>
        <translation>No offers right now. Check back soon!</translation>
    </message>
    <message>
        <source>Loading your offers…</source>
        <translation>Loading your offers…</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Until %1</translation>
    </message>
    <message>
        <source>HIKARI MEMBERS</source>
        <translation>HIKARI MEMBERS</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <source>Sign in at a kiosk</source>
        <translation>Sign in at a kiosk</translation>
    </message>
    <message>
        <source>Approve in your browser. The kiosk will greet you by name in a moment.</source>
        <translation>Approve in your browser. The kiosk will greet you by name in a moment.</translation>
    </message>
    <message>
        <source>Type the code shown on the kiosk, or paste the link from its QR code.</source>
        <translation>Type the code shown on the kiosk, or paste the link from its QR code.</translation>
    </message>
    <message>
        <source>Continue to approve</source>
        <translation>Continue to approve</translation>
    </message>
    <message>
        <source>Only approve a code you can see on a Hikari Market kiosk in front of you. Our page shows which kiosk is asking before you say yes.</source>
        <translation>Only approve a code you can see on a Hikari Market kiosk in front of you. Our page shows which kiosk is asking before you say yes.</translation>
    </message>
</context>
<context>
    <name>LockedScreen</name>
    <message>
        <source>Welcome back</source>
        <translation>Welcome back</translation>
    </message>
    <message>
        <source>Your account is locked on this phone. Touch the fingerprint reader to open it.</source>
        <translation>Your account is locked on this phone. Touch the fingerprint reader to open it.</translation>
    </message>
    <message>
        <source>Unlock with fingerprint</source>
        <translation>Unlock with fingerprint</translation>
    </message>
    <message>
        <source>Sign in another way</source>
        <translation>Sign in another way</translation>
    </message>
</context>
<context>
    <name>MagicLinkScreen</name>
    <message>
        <source>Check your inbox</source>
        <translation>Check your inbox</translation>
    </message>
    <message>
        <source>Sign in by email</source>
        <translation>Sign in by email</translation>
    </message>
    <message>
        <source>We sent a sign-in link to %1. Open it on this phone to continue.</source>
        <translation>We sent a sign-in link to %1. Open it on this phone to continue.</translation>
    </message>
    <message>
        <source>We'll email you a link that signs you in. No password needed.</source>
        <translation>We'll email you a link that signs you in. No password needed.</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>you@example.com</translation>
    </message>
    <message>
        <source>Send me the link</source>
        <translation>Send me the link</translation>
    </message>
    <message>
        <source>Reading mail on another device? Type the code from the email instead.</source>
        <translation>Reading mail on another device? Type the code from the email instead.</translation>
    </message>
    <message>
        <source>Code from the email</source>
        <translation>Code from the email</translation>
    </message>
    <message>
        <source>Sign in with the code</source>
        <translation>Sign in with the code</translation>
    </message>
    <message>
        <source>Send a new link</source>
        <translation>Send a new link</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>You're offline. Showing what we had.</source>
        <translation>You're offline. Showing what we had.</translation>
    </message>
    <message>
        <source>Opening your account…</source>
        <translation>Opening your account…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Cart</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Hikari Market</source>
        <translation>Hikari Market</translation>
    </message>
</context>
<context>
    <name>PrivacyScreen</name>
    <message>
        <source>Privacy centre</source>
        <translation>Privacy centre</translation>
    </message>
    <message>
        <source>You're in control. Here is everything this app may see, and what you can do about it.</source>
        <translation>You're in control. Here is everything this app may see, and what you can do about it.</translation>
    </message>
    <message>
        <source>What this app may do</source>
        <translation>What this app may do</translation>
    </message>
    <message>
        <source>What it knows about you</source>
        <translation>What it knows about you</translation>
    </message>
    <message>
        <source>Your choices</source>
        <translation>Your choices</translation>
    </message>
    <message>
        <source>Download my data</source>
        <translation>Download my data</translation>
    </message>
    <message>
        <source>Last saved to %1</source>
        <translation>Last saved to %1</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Sign out everywhere</translation>
    </message>
    <message>
        <source>Delete my account</source>
        <translation>Delete my account</translation>
    </message>
    <message>
        <source>Deleting removes your account, membership, cart and offers for good. It cannot be undone.</source>
        <translation>Deleting removes your account, membership, cart and offers for good. It cannot be undone.</translation>
    </message>
    <message>
        <source>Delete your account?</source>
        <translation>Delete your account?</translation>
    </message>
    <message>
        <source>Your account, membership, cart and offers will be deleted for good, and you'll be signed out on this phone.</source>
        <translation>Your account, membership, cart and offers will be deleted for good, and you'll be signed out on this phone.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Delete for good</translation>
    </message>
    <message>
        <source>Keep my account</source>
        <translation>Keep my account</translation>
    </message>
</context>
<context>
    <name>ScreenHeader</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>Shop</name>
    <message>
        <source>That code didn't work. Check the email and try again.</source>
        <translation>That code didn't work. Check the email and try again.</translation>
    </message>
    <message>
        <source>Touch the fingerprint reader</source>
        <translation>Touch the fingerprint reader</translation>
    </message>
    <message>
        <source>You're signed in, but this phone could not keep the sign-in. You'll be asked again next time.</source>
        <translation>You're signed in, but this phone could not keep the sign-in. You'll be asked again next time.</translation>
    </message>
    <message>
        <source>You seem to be offline. Check your connection; nothing was lost.</source>
        <translation>You seem to be offline. Check your connection; nothing was lost.</translation>
    </message>
    <message>
        <source>No problem — nothing was shared. You can add it later.</source>
        <translation>No problem — nothing was shared. You can add it later.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled at the sign-in page.</source>
        <translation>Sign-in was cancelled at the sign-in page.</translation>
    </message>
    <message>
        <source>The store is busy right now. Please try again in a moment.</source>
        <translation>The store is busy right now. Please try again in a moment.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>Your sign-in has expired. Please sign in again.</translation>
    </message>
    <message>
        <source>Not recognised. Try again.</source>
        <translation>Not recognised. Try again.</translation>
    </message>
    <message>
        <source>Unlock was cancelled.</source>
        <translation>Unlock was cancelled.</translation>
    </message>
    <message>
        <source>Fingerprint unlock is not available on this phone.</source>
        <translation>Fingerprint unlock is not available on this phone.</translation>
    </message>
    <message>
        <source>Your fingerprints changed. Please sign in again.</source>
        <translation>Your fingerprints changed. Please sign in again.</translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation>Please sign in first.</translation>
    </message>
    <message>
        <source>Your data could not be downloaded. Please try again.</source>
        <translation>Your data could not be downloaded. Please try again.</translation>
    </message>
    <message>
        <source>Your account could not be deleted. Nothing was removed; please try again.</source>
        <translation>Your account could not be deleted. Nothing was removed; please try again.</translation>
    </message>
    <message>
        <source>Continue in your browser…</source>
        <translation>Continue in your browser…</translation>
    </message>
    <message>
        <source>Continue with Apple in your browser…</source>
        <translation>Continue with Apple in your browser…</translation>
    </message>
    <message>
        <source>Continue with Google in your browser…</source>
        <translation>Continue with Google in your browser…</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Checking the code…</translation>
    </message>
    <message>
        <source>Thanks! Your offers have been updated.</source>
        <translation>Thanks! Your offers have been updated.</translation>
    </message>
    <message>
        <source>Nothing was shared. You can add it later.</source>
        <translation>Nothing was shared. You can add it later.</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Signing out…</translation>
    </message>
    <message>
        <source>Signing out everywhere…</source>
        <translation>Signing out everywhere…</translation>
    </message>
    <message>
        <source>Know it's you</source>
        <translation>Know it's you</translation>
    </message>
    <message>
        <source>A private ID for your account, so the app recognises you.</source>
        <translation>A private ID for your account, so the app recognises you.</translation>
    </message>
    <message>
        <source>Your name and membership</source>
        <translation>Your name and membership</translation>
    </message>
    <message>
        <source>Your name, language, time zone and loyalty tier.</source>
        <translation>Your name, language, time zone and loyalty tier.</translation>
    </message>
    <message>
        <source>Your email address</source>
        <translation>Your email address</translation>
    </message>
    <message>
        <source>To send receipts and recognise your account.</source>
        <translation>To send receipts and recognise your account.</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>Stay signed in</translation>
    </message>
    <message>
        <source>The app keeps you signed in on this phone until you sign out.</source>
        <translation>The app keeps you signed in on this phone until you sign out.</translation>
    </message>
    <message>
        <source>Your phone number</source>
        <translation>Your phone number</translation>
    </message>
    <message>
        <source>For delivery updates and phone-only offers.</source>
        <translation>For delivery updates and phone-only offers.</translation>
    </message>
    <message>
        <source>Your birthday</source>
        <translation>Your birthday</translation>
    </message>
    <message>
        <source>For a birthday treat every year.</source>
        <translation>For a birthday treat every year.</translation>
    </message>
    <message>
        <source>Your address</source>
        <translation>Your address</translation>
    </message>
    <message>
        <source>For deliveries.</source>
        <translation>For deliveries.</translation>
    </message>
    <message>
        <source>Access the store uses for its features.</source>
        <translation>Access the store uses for its features.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Loyalty tier</source>
        <translation>Loyalty tier</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Added to your cart.</source>
        <translation>Added to your cart.</translation>
    </message>
    <message>
        <source>Approve in your browser…</source>
        <translation>Approve in your browser…</translation>
    </message>
    <message>
        <source>Preparing your data…</source>
        <translation>Preparing your data…</translation>
    </message>
    <message>
        <source>Saved your data to %1</source>
        <translation>Saved your data to %1</translation>
    </message>
    <message>
        <source>Deleting your account…</source>
        <translation>Deleting your account…</translation>
    </message>
    <message>
        <source>Your account and your data have been deleted. Thank you for shopping with us.</source>
        <translation>Your account and your data have been deleted. Thank you for shopping with us.</translation>
    </message>
    <message>
        <source>This code is not from one of our kiosks.</source>
        <translation>This code is not from one of our kiosks.</translation>
    </message>
    <message>
        <source>Type the code exactly as the kiosk shows it, for example BCDF-GHJK.</source>
        <translation>Type the code exactly as the kiosk shows it, for example BCDF-GHJK.</translation>
    </message>
    <message>
        <source>This phone has no fingerprint reader we can use.</source>
        <translation>This phone has no fingerprint reader we can use.</translation>
    </message>
    <message>
        <source>Add a fingerprint in your phone's settings first.</source>
        <translation>Add a fingerprint in your phone's settings first.</translation>
    </message>
    <message>
        <source>Fingerprint unlock is on. Next time, your finger opens the app.</source>
        <translation>Fingerprint unlock is on. Next time, your finger opens the app.</translation>
    </message>
    <message>
        <source>Fingerprint unlock is off.</source>
        <translation>Fingerprint unlock is off.</translation>
    </message>
    <message>
        <source>The store could not be reached just now. Please try again in a moment.</source>
        <translation>The store could not be reached just now. Please try again in a moment.</translation>
    </message>
    <message>
        <source>The sign-in in your browser did not finish. Please try again.</source>
        <translation>The sign-in in your browser did not finish. Please try again.</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>Bronze</translation>
    </message>
</context>
<context>
    <name>WaitScreen</name>
    <message>
        <source>We opened our secure sign-in page in your browser. Come back here when you're done.</source>
        <translation>We opened our secure sign-in page in your browser. Come back here when you're done.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Your membership, cart and offers — in your pocket and at every kiosk.</source>
        <translation>Your membership, cart and offers — in your pocket and at every kiosk.</translation>
    </message>
    <message>
        <source>Continue with Google (dev)</source>
        <translation>Continue with Google (dev)</translation>
    </message>
    <message>
        <source>Continue with Apple (dev)</source>
        <translation>Continue with Apple (dev)</translation>
    </message>
    <message>
        <source>Email me a sign-in link</source>
        <translation>Email me a sign-in link</translation>
    </message>
    <message>
        <source>or</source>
        <translation>or</translation>
    </message>
    <message>
        <source>Sign in with password</source>
        <translation>Sign in with password</translation>
    </message>
    <message>
        <source>You sign in on our secure page in your browser. This app never sees your password.</source>
        <translation>You sign in on our secure page in your browser. This app never sees your password.</translation>
    </message>
    <message>
        <source>Hikari Market</source>
        <translation>Hikari Market</translation>
    </message>
</context>
</TS>