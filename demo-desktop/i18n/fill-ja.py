#!/usr/bin/env python3
"""One-off helper kept for maintainers: fills kiosk_ja.ts from the table below and kiosk_en.ts with
the English source texts (plural forms included), after `cmake --build build --target
update_translations` (lupdate) added new strings. Existing translations are kept; a string missing
from the table stays unfinished (the test tests/i18n checks that none is)."""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

JA = {
    "Hikari Market": "ひかりマーケット",
    "Shibuya store": "渋谷店",
    "MEMBERS": "会員のみなさまへ",
    "Your cart, points and offers, with one scan.": "カート、ポイント、特典を、スキャンひとつで。",
    "Scan the code with your phone and approve. Nothing to type here, and nothing of yours stays on this screen.":
        "スマートフォンでコードを読み取って承認するだけ。ここでの入力は不要で、お客さまの情報はこの画面に残りません。",
    "Sign in with your phone": "スマートフォンでサインイン",
    "You are signed out automatically when you leave.": "お客さまが離れると、自動的にサインアウトします。",
    "Today's picks": "本日のおすすめ",
    "Our shelves are loading…": "商品を読み込んでいます…",
    "Qty %1 · %2 each": "数量 %1 ・ 単価 %2",
    "¥%1": "%1円",
    "Back": "戻る",
    "Point your phone's camera here": "スマートフォンのカメラをかざしてください",
    "Getting a code…": "コードを取得しています…",
    "Scan the code with your phone's camera.": "スマートフォンのカメラでコードを読み取ります。",
    "Check that your phone shows this code:": "スマートフォンに同じコードが表示されていることを確認します：",
    "Approve on your phone. Your cart and offers appear here.": "スマートフォンで承認すると、カートと特典がここに表示されます。",
    "No camera? Go to %1 and enter the code.": "カメラが使えない場合は %1 を開いてコードを入力してください。",
    "Signed in. Getting your cart…": "サインインしました。カートを読み込んでいます…",
    "Gold member": "ゴールド会員",
    "Silver member": "シルバー会員",
    "Bronze member": "ブロンズ会員",
    "Member": "会員",
    "Welcome back, %1": "%1 さま、ようこそ",
    "Until %1": "%1まで",
    "%1 points": "%1 ポイント",
    "Done": "終了する",
    "Your cart": "カート",
    "Your cart is empty. Today's picks are on the shelves around you.": "カートは空です。本日のおすすめは店内の棚に並んでいます。",
    "Total (%n item(s))": "合計（%n 点）",
    "Offers for you": "あなたへの特典",
    "Tap Done when you have finished. For your privacy, you are signed out after a short while without activity.":
        "お買い物が済んだら「終了する」をタップしてください。プライバシー保護のため、しばらく操作がないと自動的にサインアウトします。",
    "Sign-in was not approved": "サインインは承認されませんでした",
    "The code has expired": "コードの有効期限が切れました",
    "We can't connect right now": "ただいま接続できません",
    "Something went wrong": "問題が発生しました",
    "The request was declined on your phone. If that was a mistake, try again with a new code.":
        "スマートフォンでリクエストが拒否されました。間違いの場合は、新しいコードでもう一度お試しください。",
    "Codes are only valid for a few minutes, to keep your account safe. Get a new one and scan it again.":
        "アカウントを守るため、コードの有効期限は数分間です。新しいコードを取得して、もう一度読み取ってください。",
    "This kiosk can't reach our servers. Please try again in a moment, or ask a member of staff.":
        "この端末はサーバーに接続できません。しばらくしてからもう一度お試しいただくか、スタッフにお声がけください。",
    "Please try again. If it keeps happening, a member of staff can help.":
        "もう一度お試しください。繰り返し起きる場合は、スタッフがお手伝いします。",
    "Back to start": "最初に戻る",
    "Try again": "もう一度試す",
    "Reference: %1": "参照コード：%1",
    "Are you still there?": "まだご利用中ですか？",
    "For your privacy, we will sign you out in %n second(s).": "プライバシー保護のため、%n 秒後にサインアウトします。",
    "Sign out now": "今すぐサインアウト",
    "I'm still here": "利用を続ける",
}

def fill(path: Path, lang: str) -> int:
    tree = ET.parse(path)
    root = tree.getroot()
    root.set("language", "ja_JP" if lang == "ja" else "en_US")
    missing = 0
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        plural = message.get("numerus") == "yes"
        if lang == "ja":
            text = JA.get(source)
        else:
            text = source
        if text is None:
            missing += 1
            print(f"{path.name}: no translation for {source!r}", file=sys.stderr)
            continue
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        if plural:
            forms = [text] if lang == "ja" else [text.replace("(s)", ""), text.replace("(s)", "s")]
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = text
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    # lupdate's own header line
    text = path.read_text(encoding="utf-8").replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return missing

here = Path(__file__).resolve().parent
missing = fill(here / "kiosk_ja.ts", "ja") + fill(here / "kiosk_en.ts", "en")
sys.exit(1 if missing else 0)
