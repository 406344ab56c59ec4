<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccountScreen</name>
    <message>
        <source>Unlock with fingerprint</source>
        <translation>指紋でロック解除</translation>
    </message>
    <message>
        <source>Keeps you signed in, locked until your finger says it's you.</source>
        <translation>サインインしたまま、指紋で本人確認するまでロックします。</translation>
    </message>
    <message>
        <source>Sign in at a kiosk</source>
        <translation>店頭端末でサインイン</translation>
    </message>
    <message>
        <source>Type the code shown on the kiosk screen</source>
        <translation>店頭端末に表示されたコードを入力</translation>
    </message>
    <message>
        <source>Privacy centre</source>
        <translation>プライバシーセンター</translation>
    </message>
    <message>
        <source>What we know, download it, delete it</source>
        <translation>保存データの確認・ダウンロード・削除</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Phone setting</source>
        <translation>端末の設定</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>CartScreen</name>
    <message>
        <source>Your cart</source>
        <translation>カート</translation>
    </message>
    <message>
        <source>The same cart you see at our kiosks and on the web.</source>
        <translation>店頭端末やウェブと同じカートです。</translation>
    </message>
    <message>
        <source>Your cart is empty. Items you add at a kiosk show up here too.</source>
        <translation>カートは空です。店頭端末で追加した商品もここに表示されます。</translation>
    </message>
    <message>
        <source>Loading your cart…</source>
        <translation>カートを読み込んでいます…</translation>
    </message>
    <message>
        <source>Qty %1</source>
        <translation>数量 %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Prices include tax.</source>
        <translation>価格はすべて税込です。</translation>
    </message>
    <message>
        <source>Popular in store</source>
        <translation>店頭の人気商品</translation>
    </message>
    <message>
        <source>Add %1 to the cart</source>
        <translation>%1 をカートに追加</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Gold member</source>
        <translation>ゴールド会員</translation>
    </message>
    <message>
        <source>Silver member</source>
        <translation>シルバー会員</translation>
    </message>
    <message>
        <source>Bronze member</source>
        <translation>ブロンズ会員</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会員</translation>
    </message>
    <message>
        <source>Add your phone number to unlock</source>
        <translation>電話番号を追加して受け取る</translation>
    </message>
    <message>
        <source>Add your birthday to unlock</source>
        <translation>誕生日を追加して受け取る</translation>
    </message>
    <message>
        <source>Share a little more to unlock</source>
        <translation>情報を追加して受け取る</translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation>%1 さん、こんにちは</translation>
    </message>
    <message>
        <source>Hello</source>
        <translation>こんにちは</translation>
    </message>
    <message>
        <source>points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <source>Offers for you</source>
        <translation>あなたへの特典</translation>
    </message>
    <message>
        <source>No offers right now. Check back soon!</source>
        <translation>現在ご利用いただける特典はありません。またご確認ください。</translation>
    </message>
    <message>
        <source>Loading your offers…</source>
        <translation>特典を読み込んでいます…</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>%1 まで</translation>
    </message>
    <message>
        <source>HIKARI MEMBERS</source>
        <translation>ひかりメンバーズ</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <source>Sign in at a kiosk</source>
        <translation>店頭端末でサインイン</translation>
    </message>
    <message>
        <source>Approve in your browser. The kiosk will greet you by name in a moment.</source>
        <translation>ブラウザで承認してください。まもなく店頭端末にお名前が表示されます。</translation>
    </message>
    <message>
        <source>Type the code shown on the kiosk, or paste the link from its QR code.</source>
        <translation>店頭端末に表示されたコードを入力するか、QRコードのリンクを貼り付けてください。</translation>
    </message>
    <message>
        <source>Continue to approve</source>
        <translation>承認へ進む</translation>
    </message>
    <message>
        <source>Only approve a code you can see on a Hikari Market kiosk in front of you. Our page shows which kiosk is asking before you say yes.</source>
        <translation>目の前のひかりマーケット店頭端末に表示されたコードだけを承認してください。承認の前に、どの端末からの要求かを確認できます。</translation>
    </message>
</context>
<context>
    <name>LockedScreen</name>
    <message>
        <source>Welcome back</source>
        <translation>おかえりなさい</translation>
    </message>
    <message>
        <source>Your account is locked on this phone. Touch the fingerprint reader to open it.</source>
        <translation>このスマートフォンではアカウントがロックされています。指紋センサーに触れて開いてください。</translation>
    </message>
    <message>
        <source>Unlock with fingerprint</source>
        <translation>指紋でロック解除</translation>
    </message>
    <message>
        <source>Sign in another way</source>
        <translation>別の方法でサインイン</translation>
    </message>
</context>
<context>
    <name>MagicLinkScreen</name>
    <message>
        <source>Check your inbox</source>
        <translation>メールをご確認ください</translation>
    </message>
    <message>
        <source>Sign in by email</source>
        <translation>メールでサインイン</translation>
    </message>
    <message>
        <source>We sent a sign-in link to %1. Open it on this phone to continue.</source>
        <translation>%1 にサインイン用のリンクを送りました。このスマートフォンで開いて続けてください。</translation>
    </message>
    <message>
        <source>We'll email you a link that signs you in. No password needed.</source>
        <translation>サインイン用のリンクをメールでお送りします。パスワードは不要です。</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>you@example.com</translation>
    </message>
    <message>
        <source>Send me the link</source>
        <translation>リンクを送信</translation>
    </message>
    <message>
        <source>Reading mail on another device? Type the code from the email instead.</source>
        <translation>別の端末でメールを読んでいる場合は、メールに記載のコードを入力してください。</translation>
    </message>
    <message>
        <source>Code from the email</source>
        <translation>メールに記載のコード</translation>
    </message>
    <message>
        <source>Sign in with the code</source>
        <translation>コードでサインイン</translation>
    </message>
    <message>
        <source>Send a new link</source>
        <translation>リンクを再送信</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>You're offline. Showing what we had.</source>
        <translation>オフラインです。保存済みの内容を表示しています。</translation>
    </message>
    <message>
        <source>Opening your account…</source>
        <translation>アカウントを開いています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>カート</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Hikari Market</source>
        <translation>ひかりマーケット</translation>
    </message>
</context>
<context>
    <name>PrivacyScreen</name>
    <message>
        <source>Privacy centre</source>
        <translation>プライバシーセンター</translation>
    </message>
    <message>
        <source>You're in control. Here is everything this app may see, and what you can do about it.</source>
        <translation>あなたの情報はあなたのものです。このアプリが参照できる情報と、できることの一覧です。</translation>
    </message>
    <message>
        <source>What this app may do</source>
        <translation>このアプリに許可していること</translation>
    </message>
    <message>
        <source>What it knows about you</source>
        <translation>このアプリが知っていること</translation>
    </message>
    <message>
        <source>Your choices</source>
        <translation>選べること</translation>
    </message>
    <message>
        <source>Download my data</source>
        <translation>データをダウンロード</translation>
    </message>
    <message>
        <source>Last saved to %1</source>
        <translation>最後の保存先: %1</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>すべての端末からサインアウト</translation>
    </message>
    <message>
        <source>Delete my account</source>
        <translation>アカウントを削除</translation>
    </message>
    <message>
        <source>Deleting removes your account, membership, cart and offers for good. It cannot be undone.</source>
        <translation>削除すると、アカウント・会員情報・カート・特典が完全に消去されます。元に戻すことはできません。</translation>
    </message>
    <message>
        <source>Delete your account?</source>
        <translation>アカウントを削除しますか？</translation>
    </message>
    <message>
        <source>Your account, membership, cart and offers will be deleted for good, and you'll be signed out on this phone.</source>
        <translation>アカウント・会員情報・カート・特典が完全に削除され、このスマートフォンからサインアウトします。</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>完全に削除する</translation>
    </message>
    <message>
        <source>Keep my account</source>
        <translation>削除しない</translation>
    </message>
</context>
<context>
    <name>ScreenHeader</name>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>Shop</name>
    <message>
        <source>That code didn't work. Check the email and try again.</source>
        <translation>コードが正しくありません。メールを確認してもう一度お試しください。</translation>
    </message>
    <message>
        <source>Touch the fingerprint reader</source>
        <translation>指紋センサーに触れてください</translation>
    </message>
    <message>
        <source>You're signed in, but this phone could not keep the sign-in. You'll be asked again next time.</source>
        <translation>サインインしましたが、この端末にサインイン情報を保存できませんでした。次回もう一度サインインが必要です。</translation>
    </message>
    <message>
        <source>You seem to be offline. Check your connection; nothing was lost.</source>
        <translation>オフラインのようです。接続を確認してください。データは失われていません。</translation>
    </message>
    <message>
        <source>No problem — nothing was shared. You can add it later.</source>
        <translation>大丈夫です。情報は共有されていません。あとから追加できます。</translation>
    </message>
    <message>
        <source>Sign-in was cancelled at the sign-in page.</source>
        <translation>サインインページでサインインが取り消されました。</translation>
    </message>
    <message>
        <source>The store is busy right now. Please try again in a moment.</source>
        <translation>ただいま混み合っています。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>サインインの有効期限が切れました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>Not recognised. Try again.</source>
        <translation>認識できませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Unlock was cancelled.</source>
        <translation>ロック解除が取り消されました。</translation>
    </message>
    <message>
        <source>Fingerprint unlock is not available on this phone.</source>
        <translation>この端末では指紋によるロック解除を使えません。</translation>
    </message>
    <message>
        <source>Your fingerprints changed. Please sign in again.</source>
        <translation>登録されている指紋が変更されました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation>先にサインインしてください。</translation>
    </message>
    <message>
        <source>Your data could not be downloaded. Please try again.</source>
        <translation>データをダウンロードできませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Your account could not be deleted. Nothing was removed; please try again.</source>
        <translation>アカウントを削除できませんでした。何も削除されていません。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Continue in your browser…</source>
        <translation>ブラウザで続けてください…</translation>
    </message>
    <message>
        <source>Continue with Apple in your browser…</source>
        <translation>ブラウザで Apple に進んでください…</translation>
    </message>
    <message>
        <source>Continue with Google in your browser…</source>
        <translation>ブラウザで Google に進んでください…</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>コードを確認しています…</translation>
    </message>
    <message>
        <source>Thanks! Your offers have been updated.</source>
        <translation>ありがとうございます。特典を更新しました。</translation>
    </message>
    <message>
        <source>Nothing was shared. You can add it later.</source>
        <translation>情報は共有されていません。あとから追加できます。</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>サインアウトしています…</translation>
    </message>
    <message>
        <source>Signing out everywhere…</source>
        <translation>すべての端末からサインアウトしています…</translation>
    </message>
    <message>
        <source>Know it's you</source>
        <translation>本人であることの確認</translation>
    </message>
    <message>
        <source>A private ID for your account, so the app recognises you.</source>
        <translation>アプリがあなたを識別するための、アカウント固有の非公開 ID。</translation>
    </message>
    <message>
        <source>Your name and membership</source>
        <translation>お名前と会員情報</translation>
    </message>
    <message>
        <source>Your name, language, time zone and loyalty tier.</source>
        <translation>お名前、言語、タイムゾーン、会員ランク。</translation>
    </message>
    <message>
        <source>Your email address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>To send receipts and recognise your account.</source>
        <translation>レシートの送付とアカウントの識別のため。</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>サインインしたままにする</translation>
    </message>
    <message>
        <source>The app keeps you signed in on this phone until you sign out.</source>
        <translation>サインアウトするまで、この端末でサインインしたままにします。</translation>
    </message>
    <message>
        <source>Your phone number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>For delivery updates and phone-only offers.</source>
        <translation>配送のお知らせと電話番号限定の特典のため。</translation>
    </message>
    <message>
        <source>Your birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <source>For a birthday treat every year.</source>
        <translation>毎年のお誕生日特典のため。</translation>
    </message>
    <message>
        <source>Your address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>For deliveries.</source>
        <translation>配送のため。</translation>
    </message>
    <message>
        <source>Access the store uses for its features.</source>
        <translation>ストアの機能に使うアクセス。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>お名前</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Loyalty tier</source>
        <translation>会員ランク</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <source>Added to your cart.</source>
        <translation>カートに追加しました。</translation>
    </message>
    <message>
        <source>Approve in your browser…</source>
        <translation>ブラウザで承認してください…</translation>
    </message>
    <message>
        <source>Preparing your data…</source>
        <translation>データを準備しています…</translation>
    </message>
    <message>
        <source>Saved your data to %1</source>
        <translation>データを %1 に保存しました</translation>
    </message>
    <message>
        <source>Deleting your account…</source>
        <translation>アカウントを削除しています…</translation>
    </message>
    <message>
        <source>Your account and your data have been deleted. Thank you for shopping with us.</source>
        <translation>アカウントとデータを削除しました。ご利用ありがとうございました。</translation>
    </message>
    <message>
        <source>This code is not from one of our kiosks.</source>
        <translation>このコードは当店の店頭端末のものではありません。</translation>
    </message>
    <message>
        <source>Type the code exactly as the kiosk shows it, for example BCDF-GHJK.</source>
        <translation>店頭端末に表示されたとおりにコードを入力してください（例: BCDF-GHJK）。</translation>
    </message>
    <message>
        <source>This phone has no fingerprint reader we can use.</source>
        <translation>この端末には利用できる指紋センサーがありません。</translation>
    </message>
    <message>
        <source>Add a fingerprint in your phone's settings first.</source>
        <translation>先に端末の設定で指紋を登録してください。</translation>
    </message>
    <message>
        <source>Fingerprint unlock is on. Next time, your finger opens the app.</source>
        <translation>指紋によるロック解除をオンにしました。次回から指紋でアプリを開けます。</translation>
    </message>
    <message>
        <source>Fingerprint unlock is off.</source>
        <translation>指紋によるロック解除をオフにしました。</translation>
    </message>
    <message>
        <source>The store could not be reached just now. Please try again in a moment.</source>
        <translation>ストアに接続できませんでした。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The sign-in in your browser did not finish. Please try again.</source>
        <translation>ブラウザでのサインインが完了しませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>ゴールド</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>シルバー</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>ブロンズ</translation>
    </message>
</context>
<context>
    <name>WaitScreen</name>
    <message>
        <source>We opened our secure sign-in page in your browser. Come back here when you're done.</source>
        <translation>ブラウザで安全なサインインページを開きました。完了したらこの画面に戻ってください。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Your membership, cart and offers — in your pocket and at every kiosk.</source>
        <translation>会員証、カート、特典を、スマートフォンでも店頭端末でも。</translation>
    </message>
    <message>
        <source>Continue with Google (dev)</source>
        <translation>Google で続ける（開発用）</translation>
    </message>
    <message>
        <source>Continue with Apple (dev)</source>
        <translation>Apple で続ける（開発用）</translation>
    </message>
    <message>
        <source>Email me a sign-in link</source>
        <translation>サインイン用リンクをメールで受け取る</translation>
    </message>
    <message>
        <source>or</source>
        <translation>または</translation>
    </message>
    <message>
        <source>Sign in with password</source>
        <translation>パスワードでサインイン</translation>
    </message>
    <message>
        <source>You sign in on our secure page in your browser. This app never sees your password.</source>
        <translation>サインインはブラウザの安全なページで行います。このアプリがパスワードを見ることはありません。</translation>
    </message>
    <message>
        <source>Hikari Market</source>
        <translation>ひかりマーケット</translation>
    </message>
</context>
</TS>