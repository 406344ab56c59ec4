<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>Concierge::DeviceSignIn</name>
    <message>
        <source>On your phone or computer, go to %1 and enter the code %2.</source>
        <translation>スマートフォンまたはパソコンで %1 を開き、コード %2 を入力してください。</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to sign in.</source>
        <translation>スマートフォンのカメラでこのコードを読み取ると、サインインできます。</translation>
    </message>
</context>
<context>
    <name>Concierge::Error</name>
    <message>
        <source>The identity provider could not be reached. Check the connection and try again.</source>
        <translation>認証サービスに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The operation took too long and was stopped.</source>
        <translation>処理に時間がかかりすぎたため、中断しました。</translation>
    </message>
    <message>
        <source>A secure connection to the identity provider could not be established.</source>
        <translation>認証サービスと安全に接続できませんでした。</translation>
    </message>
    <message>
        <source>The identity provider is having trouble. Try again in a moment.</source>
        <translation>認証サービスで問題が発生しています。しばらくしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The identity provider gave an unexpected answer.</source>
        <translation>認証サービスから予期しない応答がありました。</translation>
    </message>
    <message>
        <source>An identity provider address does not use https.</source>
        <translation>認証サービスのアドレスが https を使用していません。</translation>
    </message>
    <message>
        <source>The identity provider sent more data than allowed.</source>
        <translation>認証サービスから許容量を超えるデータが送られてきました。</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>試行回数が多すぎます。しばらく待ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Sign-in was declined.</source>
        <translation>サインインが許可されませんでした。</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>サインインの有効期限が切れました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>This app is not recognised by the identity provider.</source>
        <translation>このアプリは認証サービスに登録されていません。</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>The service did not accept your sign-in.</source>
        <translation>サービスがサインイン情報を受け付けませんでした。</translation>
    </message>
    <message>
        <source>The sign-in code has expired. Start again.</source>
        <translation>サインインコードの有効期限が切れました。最初からやり直してください。</translation>
    </message>
    <message>
        <source>The sign-in response did not match this request and was refused for your safety.</source>
        <translation>サインインの応答がこのリクエストと一致しなかったため、安全のため受け付けませんでした。</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>サインインがキャンセルされました。</translation>
    </message>
    <message>
        <source>The browser could not be opened.</source>
        <translation>ブラウザーを開けませんでした。</translation>
    </message>
    <message>
        <source>The app could not prepare to receive the sign-in.</source>
        <translation>サインインを受け取る準備ができませんでした。</translation>
    </message>
    <message>
        <source>The sign-in is not configured correctly.</source>
        <translation>サインインの設定に誤りがあります。</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>サインインしていません。</translation>
    </message>
    <message>
        <source>Another sign-in operation is in progress.</source>
        <translation>別のサインイン処理を実行中です。</translation>
    </message>
    <message>
        <source>Secure storage is not available on this device.</source>
        <translation>この端末では安全な保存領域を利用できません。</translation>
    </message>
    <message>
        <source>Secure storage is locked.</source>
        <translation>安全な保存領域がロックされています。</translation>
    </message>
    <message>
        <source>Saved sign-in data was damaged and has been discarded. Please sign in again.</source>
        <translation>保存されていたサインイン情報が破損していたため、削除しました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>Saved sign-in data could not be read or written.</source>
        <translation>サインイン情報を読み書きできませんでした。</translation>
    </message>
    <message>
        <source>Biometric unlock is not available.</source>
        <translation>生体認証によるロック解除は利用できません。</translation>
    </message>
    <message>
        <source>Unlock was cancelled.</source>
        <translation>ロック解除がキャンセルされました。</translation>
    </message>
    <message>
        <source>Not recognised. Try again.</source>
        <translation>認識できませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Your fingerprints or face data changed. Please sign in again.</source>
        <translation>指紋または顔の登録情報が変更されました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>Too many attempts. Unlock the device first.</source>
        <translation>試行回数が多すぎます。先に端末のロックを解除してください。</translation>
    </message>
    <message>
        <source>The sign-in response could not be trusted and was refused.</source>
        <translation>サインインの応答を信頼できなかったため、受け付けませんでした。</translation>
    </message>
    <message>
        <source>The app is locked. Unlock it to continue.</source>
        <translation>アプリがロックされています。続けるにはロックを解除してください。</translation>
    </message>
    <message>
        <source>That code did not work. Check it and try again.</source>
        <translation>コードが正しくありません。ご確認のうえ、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Too many wrong codes. Ask for a new email.</source>
        <translation>誤ったコードの入力が多すぎます。新しいメールをリクエストしてください。</translation>
    </message>
    <message>
        <source>No sign-in is waiting for this. Start again.</source>
        <translation>このリンクに対応するサインインがありません。最初からやり直してください。</translation>
    </message>
</context>
<context>
    <name>Concierge::LoopbackListener</name>
    <message>
        <source>en</source>
        <comment>BCP 47 language tag of this translation</comment>
        <translation>ja</translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>サインアウトしました</translation>
    </message>
    <message>
        <source>You can close this tab and return to the app.</source>
        <translation>このタブを閉じて、アプリにお戻りください。</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>サインインしました</translation>
    </message>
    <message>
        <source>This link is not for this sign-in</source>
        <translation>このリンクは今回のサインインには使えません</translation>
    </message>
    <message>
        <source>Return to the app and start the sign-in again if needed.</source>
        <translation>アプリに戻り、必要に応じてもう一度サインインしてください。</translation>
    </message>
</context>
<context>
    <name>Concierge::Session</name>
    <message>
        <source>Unlock your sign-in</source>
        <translation>サインインのロックを解除</translation>
    </message>
    <message>
        <source>Turn on biometric unlock</source>
        <translation>生体認証によるロック解除をオンにする</translation>
    </message>
</context>
</TS>
