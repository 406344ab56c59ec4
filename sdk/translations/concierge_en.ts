<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Concierge::DeviceSignIn</name>
    <message>
        <source>On your phone or computer, go to %1 and enter the code %2.</source>
        <translation>On your phone or computer, go to %1 and enter the code %2.</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to sign in.</source>
        <translation>Scan the code with your phone&apos;s camera to sign in.</translation>
    </message>
</context>
<context>
    <name>Concierge::Error</name>
    <message>
        <source>The identity provider could not be reached. Check the connection and try again.</source>
        <translation>The identity provider could not be reached. Check the connection and try again.</translation>
    </message>
    <message>
        <source>The operation took too long and was stopped.</source>
        <translation>The operation took too long and was stopped.</translation>
    </message>
    <message>
        <source>A secure connection to the identity provider could not be established.</source>
        <translation>A secure connection to the identity provider could not be established.</translation>
    </message>
    <message>
        <source>The identity provider is having trouble. Try again in a moment.</source>
        <translation>The identity provider is having trouble. Try again in a moment.</translation>
    </message>
    <message>
        <source>The identity provider gave an unexpected answer.</source>
        <translation>The identity provider gave an unexpected answer.</translation>
    </message>
    <message>
        <source>An identity provider address does not use https.</source>
        <translation>An identity provider address does not use https.</translation>
    </message>
    <message>
        <source>The identity provider sent more data than allowed.</source>
        <translation>The identity provider sent more data than allowed.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>Too many attempts. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>Sign-in was declined.</source>
        <translation>Sign-in was declined.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>Your sign-in has expired. Please sign in again.</translation>
    </message>
    <message>
        <source>This app is not recognised by the identity provider.</source>
        <translation>This app is not recognised by the identity provider.</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Please sign in again.</translation>
    </message>
    <message>
        <source>The service did not accept your sign-in.</source>
        <translation>The service did not accept your sign-in.</translation>
    </message>
    <message>
        <source>The sign-in code has expired. Start again.</source>
        <translation>The sign-in code has expired. Start again.</translation>
    </message>
    <message>
        <source>The sign-in response did not match this request and was refused for your safety.</source>
        <translation>The sign-in response did not match this request and was refused for your safety.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Sign-in was cancelled.</translation>
    </message>
    <message>
        <source>The browser could not be opened.</source>
        <translation>The browser could not be opened.</translation>
    </message>
    <message>
        <source>The app could not prepare to receive the sign-in.</source>
        <translation>The app could not prepare to receive the sign-in.</translation>
    </message>
    <message>
        <source>The sign-in is not configured correctly.</source>
        <translation>The sign-in is not configured correctly.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>You are not signed in.</translation>
    </message>
    <message>
        <source>Another sign-in operation is in progress.</source>
        <translation>Another sign-in operation is in progress.</translation>
    </message>
    <message>
        <source>Secure storage is not available on this device.</source>
        <translation>Secure storage is not available on this device.</translation>
    </message>
    <message>
        <source>Secure storage is locked.</source>
        <translation>Secure storage is locked.</translation>
    </message>
    <message>
        <source>Saved sign-in data was damaged and has been discarded. Please sign in again.</source>
        <translation>Saved sign-in data was damaged and has been discarded. Please sign in again.</translation>
    </message>
    <message>
        <source>Saved sign-in data could not be read or written.</source>
        <translation>Saved sign-in data could not be read or written.</translation>
    </message>
    <message>
        <source>Biometric unlock is not available.</source>
        <translation>Biometric unlock is not available.</translation>
    </message>
    <message>
        <source>Unlock was cancelled.</source>
        <translation>Unlock was cancelled.</translation>
    </message>
    <message>
        <source>Not recognised. Try again.</source>
        <translation>Not recognised. Try again.</translation>
    </message>
    <message>
        <source>Your fingerprints or face data changed. Please sign in again.</source>
        <translation>Your fingerprints or face data changed. Please sign in again.</translation>
    </message>
    <message>
        <source>Too many attempts. Unlock the device first.</source>
        <translation>Too many attempts. Unlock the device first.</translation>
    </message>
    <message>
        <source>The sign-in response could not be trusted and was refused.</source>
        <translation>The sign-in response could not be trusted and was refused.</translation>
    </message>
    <message>
        <source>The app is locked. Unlock it to continue.</source>
        <translation>The app is locked. Unlock it to continue.</translation>
    </message>
    <message>
        <source>That code did not work. Check it and try again.</source>
        <translation>That code did not work. Check it and try again.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Ask for a new email.</source>
        <translation>Too many wrong codes. Ask for a new email.</translation>
    </message>
    <message>
        <source>No sign-in is waiting for this. Start again.</source>
        <translation>No sign-in is waiting for this. Start again.</translation>
    </message>
</context>
<context>
    <name>Concierge::LoopbackListener</name>
    <message>
        <source>en</source>
        <comment>BCP 47 language tag of this translation</comment>
        <translation>en</translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>You are signed out</translation>
    </message>
    <message>
        <source>You can close this tab and return to the app.</source>
        <translation>You can close this tab and return to the app.</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>You are signed in</translation>
    </message>
    <message>
        <source>This link is not for this sign-in</source>
        <translation>This link is not for this sign-in</translation>
    </message>
    <message>
        <source>Return to the app and start the sign-in again if needed.</source>
        <translation>Return to the app and start the sign-in again if needed.</translation>
    </message>
</context>
<context>
    <name>Concierge::Session</name>
    <message>
        <source>Unlock your sign-in</source>
        <translation>Unlock your sign-in</translation>
    </message>
    <message>
        <source>Turn on biometric unlock</source>
        <translation>Turn on biometric unlock</translation>
    </message>
</context>
</TS>
