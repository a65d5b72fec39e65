#!/bin/sh
# Regenerates the charset fixtures: short news paragraphs written for these
# tests, encoded with iconv(1) into each charset, each beside the UTF-8 text
# ws_decode must produce (<name>.expected.txt). test_decode.c reads the
# charset to expect from the name: <lang>-<charset>[-<variant>].<ext>.
# Run from this folder: sh make_fixtures.sh
set -eu

UK='Генеральний секретар НАТО заявив у четвер, що мирні переговори щодо України мають тривати, але тиск на Росію не слід послаблювати. За його словами, союзники продовжать постачати Києву засоби протиповітряної оборони, а нові санкції стануть відповіддю на затягування процесу. «Ми не можемо дозволити, щоб агресор отримав винагороду», — наголосив він на пресконференції в Брюсселі.

Міністри закордонних справ об’єднаних країн обговорили також підготовку до саміту в Гаазі та фінансування військової допомоги на наступний рік. Рішення ухвалять у грудні.'

RU='Генеральный секретарь НАТО заявил в четверг, что мирные переговоры по Украине должны продолжаться, однако давление на Россию ослаблять нельзя. По его словам, союзники продолжат поставлять Киеву средства противовоздушной обороны, а новые санкции станут ответом на затягивание процесса. «Мы не можем позволить, чтобы агрессор получил награду», — подчеркнул он на пресс-конференции в Брюсселе.

Министры иностранных дел также обсудили подготовку к саммиту в Гааге и финансирование военной помощи на следующий год. Решение примут в декабре.'

EN='The NATO Secretary General said on Thursday that peace talks on Ukraine must continue, but that pressure on Russia should not be eased. Allies will keep sending air defence systems to Kyiv, he told reporters in Brussels, and new sanctions would follow if the process drags on. “We cannot allow the aggressor to be rewarded,” he said – and added that the décor of the summit was “not the point”.'

DE='Der NATO-Generalsekretär erklärte am Donnerstag in Brüssel, die Friedensgespräche über die Ukraine müssten fortgesetzt werden, der Druck auf Russland dürfe jedoch nicht nachlassen. Die Verbündeten würden Kiew weiterhin Flugabwehrsysteme liefern; neue Sanktionen seien möglich, falls sich der Prozess in die Länge ziehe. „Wir dürfen nicht zulassen, dass der Aggressor belohnt wird“, sagte er. Die Außenminister berieten außerdem über den Gipfel in Den Haag.'

PL='Sekretarz generalny NATO oświadczył w czwartek w Brukseli, że rozmowy pokojowe w sprawie Ukrainy muszą być kontynuowane, ale presja na Rosję nie może słabnąć. Sojusznicy będą nadal dostarczać Kijowowi systemy obrony przeciwlotniczej, a nowe sankcje zostaną nałożone, jeśli proces się przeciągnie. „Nie możemy pozwolić, by agresor został nagrodzony” – powiedział. Ministrowie spraw zagranicznych omówili także przygotowania do szczytu w Hadze.'

ZH='北约秘书长周四在布鲁塞尔表示，关于乌克兰的和平谈判必须继续，但对俄罗斯的压力不应减弱。'

# Plain punctuation for charsets without guillemets, curly quotes or dashes.
plain() {
    printf '%s' "$1" | sed -e 's/[«»„“”]/"/g' -e 's/[—–]/-/g' -e "s/’/'/g"
}

html() { # charset-declaration lang title body
    printf '<!DOCTYPE html>\n<html lang="%s"><head>\n%s\n<title>%s</title>\n</head>\n<body>\n<p>%s</p>\n</body></html>\n' \
        "$2" "$1" "$3" "$4"
}

# name, charset for iconv, UTF-8 content
make() {
    printf '%s\n' "$3" > "$1.expected.txt"
    printf '%s\n' "$3" | iconv -f UTF-8 -t "$2" > "$1"
}

rm -f ./*.txt ./*.html

make uk-utf-8.txt UTF-8 "$UK"
make uk-windows-1251-nometa.txt WINDOWS-1251 "$UK"
make uk-windows-1251.html WINDOWS-1251 \
    "$(html '<meta charset="windows-1251">' uk 'НАТО: переговори мають тривати' "$UK")"
make uk-koi8-u-nometa.txt KOI8-U "$(plain "$UK")"
make uk-koi8-u.html KOI8-U \
    "$(html '<meta charset=koi8-u>' uk 'НАТО: переговори' "$(plain "$UK")")"
make uk-iso-8859-5-nometa.txt ISO-8859-5 "$(plain "$UK")"
# utf-16 with a BOM: iconv's UTF-16LE/BE write none, so add it.
printf '%s\n' "$UK" > uk-utf-16le-bom.txt.expected.txt
{ printf '\377\376'; printf '%s\n' "$UK" | iconv -f UTF-8 -t UTF-16LE; } > uk-utf-16le-bom.txt
printf '%s\n' "$UK" > uk-utf-16be-bom.txt.expected.txt
{ printf '\376\377'; printf '%s\n' "$UK" | iconv -f UTF-8 -t UTF-16BE; } > uk-utf-16be-bom.txt

make ru-utf-8-bom.txt UTF-8 "$RU"
{ printf '\357\273\277'; cat ru-utf-8-bom.txt; } > tmp && mv tmp ru-utf-8-bom.txt
make ru-windows-1251-nometa.txt WINDOWS-1251 "$RU"
make ru-windows-1251.html WINDOWS-1251 \
    "$(html '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">' ru 'НАТО' "$RU")"
make ru-koi8-r-nometa.txt KOI8-R "$(plain "$RU")"
make ru-koi8-r.html KOI8-R \
    "$(printf '<?xml version="1.0" encoding="koi8-r"?>\n%s' "$(html '' ru 'НАТО' "$(plain "$RU")")")"
make ru-iso-8859-5-nometa.txt ISO-8859-5 "$(plain "$RU")"
# Mislabelled pages: UTF-8 bytes under a legacy <meta>, windows-1251 bytes
# under a UTF-8 <meta>, koi8-r bytes under a windows-1251 <meta>.
make ru-utf-8-meta1251.html UTF-8 \
    "$(html '<meta charset="windows-1251">' ru 'НАТО' "$RU")"
make ru-windows-1251-metautf8.html WINDOWS-1251 \
    "$(html '<meta charset="utf-8">' ru 'НАТО' "$RU")"
make ru-koi8-r-meta1251.html KOI8-R \
    "$(html '<meta charset="windows-1251">' ru 'НАТО' "$(plain "$RU")")"

make en-utf-8-ascii.txt ASCII "$(plain "$EN" | sed 's/é/e/')"
make en-windows-1252-nometa.txt WINDOWS-1252 "$EN"
make de-iso-8859-1.txt ISO-8859-1 "$(plain "$DE")"
make de-windows-1252.html WINDOWS-1252 \
    "$(html '<meta charset="windows-1252">' de 'NATO' "$DE")"
make pl-iso-8859-2.txt ISO-8859-2 "$(plain "$PL")"
make pl-windows-1250.txt WINDOWS-1250 "$PL"
# Decomposed umlauts (NFD) must come out composed.
printf '%s\n' "$DE" > de-utf-8-nfd.txt.expected.txt
printf '%s\n' "$DE" | python3 -c 'import sys,unicodedata as u; sys.stdout.write(u.normalize("NFD", sys.stdin.read()))' > de-utf-8-nfd.txt
# Declared in markup, one page per charset the design names (the
# undeclared forms above leave it to statistics).
make uk-utf-8.html UTF-8 "$(html '<meta charset="utf-8">' uk 'НАТО: переговори' "$UK")"
make uk-iso-8859-5.html ISO-8859-5 \
    "$(html '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-5">' uk 'НАТО' "$(plain "$UK")")"
make ru-koi8-r-meta.html KOI8-R "$(html '<meta charset="koi8-r">' ru 'НАТО' "$(plain "$RU")")"
make de-iso-8859-1.html ISO-8859-1 "$(html '<meta charset="iso-8859-1">' de 'NATO' "$(plain "$DE")")"
make pl-iso-8859-2.html ISO-8859-2 "$(html '<meta charset="iso-8859-2">' pl 'NATO' "$(plain "$PL")")"
make en-windows-1252.html WINDOWS-1252 "$(html '<meta charset="windows-1252">' en 'NATO' "$EN")"
# A UTF-16 page with its BOM and a <meta> that agrees.
html '<meta charset="utf-16">' uk 'НАТО' "$UK" > uk-utf-16le-bom.html.expected.txt
printf '\n' >> uk-utf-16le-bom.html.expected.txt
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE < uk-utf-16le-bom.html.expected.txt; } > uk-utf-16le-bom.html
make zh-gbk.html GBK "$(html '<meta charset="gb2312">' zh '北约' "$ZH")"
