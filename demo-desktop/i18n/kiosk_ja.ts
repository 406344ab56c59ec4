<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/AttractScreen.qml" line="46"/>
        <source>MEMBERS</source>
        <translation>会員のみなさまへ</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="55"/>
        <source>Your cart, points and offers, with one scan.</source>
        <translation>カート、ポイント、特典を、スキャンひとつで。</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="65"/>
        <source>Scan the code with your phone and approve. Nothing to type here, and nothing of yours stays on this screen.</source>
        <translation>スマートフォンでコードを読み取って承認するだけ。ここでの入力は不要で、お客さまの情報はこの画面に残りません。</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="77"/>
        <source>Sign in with your phone</source>
        <translation>スマートフォンでサインイン</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="92"/>
        <source>You are signed out automatically when you leave.</source>
        <translation>お客さまが離れると、自動的にサインアウトします。</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="108"/>
        <source>Today&apos;s picks</source>
        <translation>本日のおすすめ</translation>
    </message>
    <message>
        <location filename="../qml/AttractScreen.qml" line="136"/>
        <source>Our shelves are loading…</source>
        <translation>商品を読み込んでいます…</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="23"/>
        <source>Sign-in was not approved</source>
        <translation>サインインは承認されませんでした</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="24"/>
        <source>The code has expired</source>
        <translation>コードの有効期限が切れました</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="25"/>
        <source>We can&apos;t connect right now</source>
        <translation>ただいま接続できません</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="26"/>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="27"/>
        <source>The request was declined on your phone. If that was a mistake, try again with a new code.</source>
        <translation>スマートフォンでリクエストが拒否されました。間違いの場合は、新しいコードでもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="28"/>
        <source>Codes are only valid for a few minutes, to keep your account safe. Get a new one and scan it again.</source>
        <translation>アカウントを守るため、コードの有効期限は数分間です。新しいコードを取得して、もう一度読み取ってください。</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="29"/>
        <source>This kiosk can&apos;t reach our servers. Please try again in a moment, or ask a member of staff.</source>
        <translation>この端末はサーバーに接続できません。しばらくしてからもう一度お試しいただくか、スタッフにお声がけください。</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="30"/>
        <source>Please try again. If it keeps happening, a member of staff can help.</source>
        <translation>もう一度お試しください。繰り返し起きる場合は、スタッフがお手伝いします。</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="87"/>
        <source>Back to start</source>
        <translation>最初に戻る</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="93"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location filename="../qml/ErrorScreen.qml" line="101"/>
        <source>Reference: %1</source>
        <extracomment>a technical reference for staff, e.g. &quot;Reference: access_denied&quot;</extracomment>
        <translation>参照コード：%1</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/IdleWarning.qml" line="53"/>
        <source>Are you still there?</source>
        <translation>まだご利用中ですか？</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/IdleWarning.qml" line="64"/>
        <source>For your privacy, we will sign you out in %n second(s).</source>
        <extracomment>%n seconds until the automatic sign-out</extracomment>
        <translation>
            <numerusform>プライバシー保護のため、%n 秒後にサインアウトします。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/IdleWarning.qml" line="76"/>
        <source>Sign out now</source>
        <translation>今すぐサインアウト</translation>
    </message>
    <message>
        <location filename="../qml/IdleWarning.qml" line="82"/>
        <source>I&apos;m still here</source>
        <translation>利用を続ける</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="16"/>
        <source>Hikari Market</source>
        <translation>ひかりマーケット</translation>
    </message>
</context>
<context>
    <name>ProductTile</name>
    <message>
        <location filename="../qml/ProductTile.qml" line="108"/>
        <source>Qty %1 · %2 each</source>
        <extracomment>quantity in the cart and the unit price, e.g. &quot;Qty 2 · ¥2,200 each&quot;</extracomment>
        <translation>数量 %1 ・ 単価 %2</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../qml/SignInScreen.qml" line="35"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="69"/>
        <source>Point your phone&apos;s camera here</source>
        <translation>スマートフォンのカメラをかざしてください</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="69"/>
        <source>Getting a code…</source>
        <translation>コードを取得しています…</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="83"/>
        <source>Sign in with your phone</source>
        <translation>スマートフォンでサインイン</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="92"/>
        <source>Scan the code with your phone&apos;s camera.</source>
        <translation>スマートフォンのカメラでコードを読み取ります。</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="93"/>
        <source>Check that your phone shows this code:</source>
        <translation>スマートフォンに同じコードが表示されていることを確認します：</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="150"/>
        <source>Approve on your phone. Your cart and offers appear here.</source>
        <translation>スマートフォンで承認すると、カートと特典がここに表示されます。</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="172"/>
        <source>No camera? Go to %1 and enter the code.</source>
        <translation>カメラが使えない場合は %1 を開いてコードを入力してください。</translation>
    </message>
    <message>
        <location filename="../qml/SignInScreen.qml" line="195"/>
        <source>Signed in. Getting your cart…</source>
        <translation>サインインしました。カートを読み込んでいます…</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/TopBar.qml" line="30"/>
        <source>Hikari Market</source>
        <translation>ひかりマーケット</translation>
    </message>
    <message>
        <location filename="../qml/TopBar.qml" line="37"/>
        <source>Shibuya store</source>
        <translation>渋谷店</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="28"/>
        <source>Gold member</source>
        <translation>ゴールド会員</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="29"/>
        <source>Silver member</source>
        <translation>シルバー会員</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="30"/>
        <source>Bronze member</source>
        <translation>ブロンズ会員</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="31"/>
        <source>Member</source>
        <translation>会員</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="39"/>
        <location filename="../qml/WelcomeScreen.qml" line="40"/>
        <source>Welcome back, %1</source>
        <extracomment>%1 is the shopper&apos;s given name (English) or full name (Japanese, followed by さま)</extracomment>
        <translation>%1 さま、ようこそ</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="52"/>
        <source>Until %1</source>
        <extracomment>an offer&apos;s last day, e.g. &quot;Until 31 Dec&quot;</extracomment>
        <translation>%1まで</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="74"/>
        <source>Done</source>
        <translation>終了する</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="113"/>
        <source>%1 points</source>
        <extracomment>loyalty points balance, e.g. &quot;12,480 points&quot;</extracomment>
        <translation>%1 ポイント</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="141"/>
        <source>Your cart</source>
        <translation>カート</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="149"/>
        <source>Your cart is empty. Today&apos;s picks are on the shelves around you.</source>
        <translation>カートは空です。本日のおすすめは店内の棚に並んでいます。</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/WelcomeScreen.qml" line="178"/>
        <source>Total (%n item(s))</source>
        <extracomment>%n is the number of items in the cart</extracomment>
        <translation>
            <numerusform>合計（%n 点）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="201"/>
        <source>Offers for you</source>
        <translation>あなたへの特典</translation>
    </message>
    <message>
        <location filename="../qml/WelcomeScreen.qml" line="257"/>
        <source>Tap Done when you have finished. For your privacy, you are signed out after a short while without activity.</source>
        <translation>お買い物が済んだら「終了する」をタップしてください。プライバシー保護のため、しばらく操作がないと自動的にサインアウトします。</translation>
    </message>
</context>
</TS>
