#!/usr/bin/env python3
# Fills demo_mobile_ja.ts from the dictionary below and demo_mobile_en.ts with the source text, after
# `cmake --build build --target demo-mobile_lupdate` has refreshed the messages. Fails when a Japanese
# translation is missing, so that no entry stays unfinished.
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

JA = {
    "Unlock with fingerprint": "指紋でロック解除",
    "Keeps you signed in, locked until your finger says it's you.": "サインインしたまま、指紋で本人確認するまでロックします。",
    "Sign in at a kiosk": "店頭端末でサインイン",
    "Type the code shown on the kiosk screen": "店頭端末に表示されたコードを入力",
    "Privacy centre": "プライバシーセンター",
    "What we know, download it, delete it": "保存データの確認・ダウンロード・削除",
    "Language": "言語",
    "Phone setting": "端末の設定",
    "Sign out": "サインアウト",
    "Dismiss": "閉じる",
    "Your cart": "カート",
    "The same cart you see at our kiosks and on the web.": "店頭端末やウェブと同じカートです。",
    "Your cart is empty. Items you add at a kiosk show up here too.": "カートは空です。店頭端末で追加した商品もここに表示されます。",
    "Loading your cart…": "カートを読み込んでいます…",
    "Qty %1": "数量 %1",
    "Total": "合計",
    "Prices include tax.": "価格はすべて税込です。",
    "Popular in store": "店頭の人気商品",
    "Add %1 to the cart": "%1 をカートに追加",
    "Gold member": "ゴールド会員",
    "Silver member": "シルバー会員",
    "Bronze member": "ブロンズ会員",
    "Member": "会員",
    "Add your phone number to unlock": "電話番号を追加して受け取る",
    "Add your birthday to unlock": "誕生日を追加して受け取る",
    "Share a little more to unlock": "情報を追加して受け取る",
    "Hello, %1": "%1 さん、こんにちは",
    "Hello": "こんにちは",
    "HIKARI MEMBERS": "ひかりメンバーズ",
    "points": "ポイント",
    "Offers for you": "あなたへの特典",
    "No offers right now. Check back soon!": "現在ご利用いただける特典はありません。またご確認ください。",
    "Loading your offers…": "特典を読み込んでいます…",
    "Until %1": "%1 まで",
    "Approve in your browser. The kiosk will greet you by name in a moment.": "ブラウザで承認してください。まもなく店頭端末にお名前が表示されます。",
    "Type the code shown on the kiosk, or paste the link from its QR code.": "店頭端末に表示されたコードを入力するか、QRコードのリンクを貼り付けてください。",
    "Continue to approve": "承認へ進む",
    "Only approve a code you can see on a Hikari Market kiosk in front of you. Our page shows which kiosk is asking before you say yes.":
        "目の前のひかりマーケット店頭端末に表示されたコードだけを承認してください。承認の前に、どの端末からの要求かを確認できます。",
    "Welcome back": "おかえりなさい",
    "Your account is locked on this phone. Touch the fingerprint reader to open it.": "このスマートフォンではアカウントがロックされています。指紋センサーに触れて開いてください。",
    "Sign in another way": "別の方法でサインイン",
    "Check your inbox": "メールをご確認ください",
    "Sign in by email": "メールでサインイン",
    "We sent a sign-in link to %1. Open it on this phone to continue.": "%1 にサインイン用のリンクを送りました。このスマートフォンで開いて続けてください。",
    "We'll email you a link that signs you in. No password needed.": "サインイン用のリンクをメールでお送りします。パスワードは不要です。",
    "you@example.com": "you@example.com",
    "Send me the link": "リンクを送信",
    "Reading mail on another device? Type the code from the email instead.": "別の端末でメールを読んでいる場合は、メールに記載のコードを入力してください。",
    "Code from the email": "メールに記載のコード",
    "Sign in with the code": "コードでサインイン",
    "Send a new link": "リンクを再送信",
    "Hikari Market": "ひかりマーケット",
    "You're offline. Showing what we had.": "オフラインです。保存済みの内容を表示しています。",
    "Opening your account…": "アカウントを開いています…",
    "Cancel": "キャンセル",
    "Home": "ホーム",
    "Cart": "カート",
    "Account": "アカウント",
    "You're in control. Here is everything this app may see, and what you can do about it.": "あなたの情報はあなたのものです。このアプリが参照できる情報と、できることの一覧です。",
    "What this app may do": "このアプリに許可していること",
    "What it knows about you": "このアプリが知っていること",
    "Your choices": "選べること",
    "Download my data": "データをダウンロード",
    "Last saved to %1": "最後の保存先: %1",
    "Sign out everywhere": "すべての端末からサインアウト",
    "Delete my account": "アカウントを削除",
    "Deleting removes your account, membership, cart and offers for good. It cannot be undone.": "削除すると、アカウント・会員情報・カート・特典が完全に消去されます。元に戻すことはできません。",
    "Delete your account?": "アカウントを削除しますか？",
    "Your account, membership, cart and offers will be deleted for good, and you'll be signed out on this phone.": "アカウント・会員情報・カート・特典が完全に削除され、このスマートフォンからサインアウトします。",
    "Delete for good": "完全に削除する",
    "Keep my account": "削除しない",
    "Back": "戻る",
    "That code didn't work. Check the email and try again.": "コードが正しくありません。メールを確認してもう一度お試しください。",
    "Touch the fingerprint reader": "指紋センサーに触れてください",
    "You're signed in, but this phone could not keep the sign-in. You'll be asked again next time.": "サインインしましたが、この端末にサインイン情報を保存できませんでした。次回もう一度サインインが必要です。",
    "You seem to be offline. Check your connection; nothing was lost.": "オフラインのようです。接続を確認してください。データは失われていません。",
    "No problem — nothing was shared. You can add it later.": "大丈夫です。情報は共有されていません。あとから追加できます。",
    "Sign-in was cancelled at the sign-in page.": "サインインページでサインインが取り消されました。",
    "The store is busy right now. Please try again in a moment.": "ただいま混み合っています。しばらくしてからもう一度お試しください。",
    "Your sign-in has expired. Please sign in again.": "サインインの有効期限が切れました。もう一度サインインしてください。",
    "Not recognised. Try again.": "認識できませんでした。もう一度お試しください。",
    "Unlock was cancelled.": "ロック解除が取り消されました。",
    "Fingerprint unlock is not available on this phone.": "この端末では指紋によるロック解除を使えません。",
    "Your fingerprints changed. Please sign in again.": "登録されている指紋が変更されました。もう一度サインインしてください。",
    "The sign-in in your browser did not finish. Please try again.": "ブラウザでのサインインが完了しませんでした。もう一度お試しください。",
    "Please sign in first.": "先にサインインしてください。",
    "Your data could not be downloaded. Please try again.": "データをダウンロードできませんでした。もう一度お試しください。",
    "Your account could not be deleted. Nothing was removed; please try again.": "アカウントを削除できませんでした。何も削除されていません。もう一度お試しください。",
    "The store could not be reached just now. Please try again in a moment.": "ストアに接続できませんでした。しばらくしてからもう一度お試しください。",
    "Continue in your browser…": "ブラウザで続けてください…",
    "Continue with Apple in your browser…": "ブラウザで Apple に進んでください…",
    "Continue with Google in your browser…": "ブラウザで Google に進んでください…",
    "Checking the code…": "コードを確認しています…",
    "Thanks! Your offers have been updated.": "ありがとうございます。特典を更新しました。",
    "Nothing was shared. You can add it later.": "情報は共有されていません。あとから追加できます。",
    "Signing out…": "サインアウトしています…",
    "Signing out everywhere…": "すべての端末からサインアウトしています…",
    "Know it's you": "本人であることの確認",
    "A private ID for your account, so the app recognises you.": "アプリがあなたを識別するための、アカウント固有の非公開 ID。",
    "Your name and membership": "お名前と会員情報",
    "Your name, language, time zone and loyalty tier.": "お名前、言語、タイムゾーン、会員ランク。",
    "Your email address": "メールアドレス",
    "To send receipts and recognise your account.": "レシートの送付とアカウントの識別のため。",
    "Stay signed in": "サインインしたままにする",
    "The app keeps you signed in on this phone until you sign out.": "サインアウトするまで、この端末でサインインしたままにします。",
    "Your phone number": "電話番号",
    "For delivery updates and phone-only offers.": "配送のお知らせと電話番号限定の特典のため。",
    "Your birthday": "誕生日",
    "For a birthday treat every year.": "毎年のお誕生日特典のため。",
    "Your address": "住所",
    "For deliveries.": "配送のため。",
    "Access the store uses for its features.": "ストアの機能に使うアクセス。",
    "Name": "お名前",
    "Email": "メール",
    "Loyalty tier": "会員ランク",
    "Points": "ポイント",
    "Time zone": "タイムゾーン",
    "Phone": "電話番号",
    "Birthday": "誕生日",
    "Added to your cart.": "カートに追加しました。",
    "Approve in your browser…": "ブラウザで承認してください…",
    "Preparing your data…": "データを準備しています…",
    "Saved your data to %1": "データを %1 に保存しました",
    "Deleting your account…": "アカウントを削除しています…",
    "Your account and your data have been deleted. Thank you for shopping with us.": "アカウントとデータを削除しました。ご利用ありがとうございました。",
    "This code is not from one of our kiosks.": "このコードは当店の店頭端末のものではありません。",
    "Type the code exactly as the kiosk shows it, for example BCDF-GHJK.": "店頭端末に表示されたとおりにコードを入力してください（例: BCDF-GHJK）。",
    "This phone has no fingerprint reader we can use.": "この端末には利用できる指紋センサーがありません。",
    "Add a fingerprint in your phone's settings first.": "先に端末の設定で指紋を登録してください。",
    "Fingerprint unlock is on. Next time, your finger opens the app.": "指紋によるロック解除をオンにしました。次回から指紋でアプリを開けます。",
    "Fingerprint unlock is off.": "指紋によるロック解除をオフにしました。",
    "We opened our secure sign-in page in your browser. Come back here when you're done.": "ブラウザで安全なサインインページを開きました。完了したらこの画面に戻ってください。",
    "Your membership, cart and offers — in your pocket and at every kiosk.": "会員証、カート、特典を、スマートフォンでも店頭端末でも。",
    "Continue with Google (dev)": "Google で続ける（開発用）",
    "Continue with Apple (dev)": "Apple で続ける（開発用）",
    "Email me a sign-in link": "サインイン用リンクをメールで受け取る",
    "or": "または",
    "Sign in with password": "パスワードでサインイン",
    "You sign in on our secure page in your browser. This app never sees your password.": "サインインはブラウザの安全なページで行います。このアプリがパスワードを見ることはありません。",
}


def fill(path, translate):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter('message'):
        source = message.find('source').text or ''
        target = message.find('translation')
        text = translate(source)
        if text is None:
            missing.append(source)
            continue
        target.text = text
        target.attrib.pop('type', None)
    tree.write(path, encoding='utf-8', xml_declaration=True)
    return missing


here = Path(__file__).resolve().parent
missing = fill(here / 'demo_mobile_ja.ts', JA.get)
fill(here / 'demo_mobile_en.ts', lambda s: s)
if missing:
    sys.exit('no Japanese for: ' + '; '.join(missing))
