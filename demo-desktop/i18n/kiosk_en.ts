<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/AttractScreen.qml" line="46"/>
        <source>MEMBERS</source>
        <translation>MEMBERS</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="55"/>
        <source>Your cart, points and offers, with one scan.</source>
        <translation>Your cart, points and offers, with one scan.</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="65"/>
        <source>Scan the code with your phone and approve. Nothing to type here, and nothing of yours stays on this screen.</source>
        <translation>Scan the code with your phone and approve. Nothing to type here, and nothing of yours stays on this screen.</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="77"/>
        <source>Sign in with your phone</source>
        <translation>Sign in with your phone</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="92"/>
        <source>You are signed out automatically when you leave.</source>
        <translation>You are signed out automatically when you leave.</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="108"/>
        <source>Today&apos;s picks</source>
        <translation>Today&apos;s picks</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="136"/>
        <source>Our shelves are loading…</source>
        <translation>Our shelves are loading…</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="23"/>
        <source>Sign-in was not approved</source>
        <translation>Sign-in was not approved</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="24"/>
        <source>The code has expired</source>
        <translation>The code has expired</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="25"/>
        <source>We can&apos;t connect right now</source>
        <translation>We can&apos;t connect right now</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="26"/>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="27"/>
        <source>The request was declined on your phone. If that was a mistake, try again with a new code.</source>
        <translation>The request was declined on your phone. If that was a mistake, try again with a new code.</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="28"/>
        <source>Codes are only valid for a few minutes, to keep your account safe. Get a new one and scan it again.</source>
        <translation>Codes are only valid for a few minutes, to keep your account safe. Get a new one and scan it again.</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="29"/>
        <source>This kiosk can&apos;t reach our servers. Please try again in a moment, or ask a member of staff.</source>
        <translation>This kiosk can&apos;t reach our servers. Please try again in a moment, or ask a member of staff.</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="30"/>
        <source>Please try again. If it keeps happening, a member of staff can help.</source>
        <translation>Please try again. If it keeps happening, a member of staff can help.</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="87"/>
        <source>Back to start</source>
        <translation>Back to start</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="93"/>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="101"/>
        <source>Reference: %1</source>
        <extracomment>a technical reference for staff, e.g. &quot;Reference: access_denied&quot;</extracomment>
        <translation>Reference: %1</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/IdleWarning.qml" line="53"/>
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/IdleWarning.qml" line="64"/>
        <source>For your privacy, we will sign you out in %n second(s).</source>
        <extracomment>%n seconds until the automatic sign-out</extracomment>
        <translation>
            <numerusform>For your privacy, we will sign you out in %n second.</numerusform>
            <numerusform>For your privacy, we will sign you out in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/IdleWarning.qml" line="76"/>
        <source>Sign out now</source>
        <translation>Sign out now</translation>
    </message>
    <message>
        <location filename="../qml/IdleWarning.qml" line="82"/>
        <source>I&apos;m still here</source>
        <translation>I&apos;m still here</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="16"/>
        <source>Hikari Market</source>
        <translation>Hikari Market</translation>
    </message>
</context>
<context>
    <name>ProductTile</name>
    <message>
        <location filename="../qml/ProductTile.qml" line="108"/>
        <source>Qty %1 · %2 each</source>
        <extracomment>quantity in the cart and the unit price, e.g. &quot;Qty 2 · ¥2,200 each&quot;</extracomment>
        <translation>Qty %1 · %2 each</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../qml/SignInScreen.qml" line="35"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="69"/>
        <source>Point your phone&apos;s camera here</source>
        <translation>Point your phone&apos;s camera here</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="69"/>
        <source>Getting a code…</source>
        <translation>Getting a code…</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="83"/>
        <source>Sign in with your phone</source>
        <translation>Sign in with your phone</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="92"/>
        <source>Scan the code with your phone&apos;s camera.</source>
        <translation>Scan the code with your phone&apos;s camera.</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="93"/>
        <source>Check that your phone shows this code:</source>
        <translation>Check that your phone shows this code:</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="150"/>
        <source>Approve on your phone. Your cart and offers appear here.</source>
        <translation>Approve on your phone. Your cart and offers appear here.</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="172"/>
        <source>No camera? Go to %1 and enter the code.</source>
        <translation>No camera? Go to %1 and enter the code.</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="195"/>
        <source>Signed in. Getting your cart…</source>
        <translation>Signed in. Getting your cart…</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="30"/>
        <source>Hikari Market</source>
        <translation>Hikari Market</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="37"/>
        <source>Shibuya store</source>
        <translation>Shibuya store</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="28"/>
        <source>Gold member</source>
        <translation>Gold member</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="29"/>
        <source>Silver member</source>
        <translation>Silver member</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="30"/>
        <source>Bronze member</source>
        <translation>Bronze member</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="31"/>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="39"/>
        <location filename="../qml/WelcomeScreen.qml" line="40"/>
        <source>Welcome back, %1</source>
        <extracomment>%1 is the shopper&apos;s given name (English) or full name (Japanese, followed by さま)</extracomment>
        <translation>Welcome back, %1</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="52"/>
        <source>Until %1</source>
        <extracomment>an offer&apos;s last day, e.g. &quot;Until 31 Dec&quot;</extracomment>
        <translation>Until %1</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="74"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="113"/>
        <source>%1 points</source>
        <extracomment>loyalty points balance, e.g. &quot;12,480 points&quot;</extracomment>
        <translation>%1 points</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="141"/>
        <source>Your cart</source>
        <translation>Your cart</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="149"/>
        <source>Your cart is empty. Today&apos;s picks are on the shelves around you.</source>
        <translation>Your cart is empty. Today&apos;s picks are on the shelves around you.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/WelcomeScreen.qml" line="178"/>
        <source>Total (%n item(s))</source>
        <extracomment>%n is the number of items in the cart</extracomment>
        <translation>
            <numerusform>Total (%n item)</numerusform>
            <numerusform>Total (%n items)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="201"/>
        <source>Offers for you</source>
        <translation>Offers for you</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="257"/>
        <source>Tap Done when you have finished. For your privacy, you are signed out after a short while without activity.</source>
        <translation>Tap Done when you have finished. For your privacy, you are signed out after a short while without activity.</translation>
    </message>
</context>
</TS>
