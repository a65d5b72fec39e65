#!/usr/bin/env python3
"""Synthetic news corpus for whosaid's ingest and query benchmarks.

    bench/gen_corpus.py N OUTDIR [--seed S] [--html-share F]

Writes N articles under OUTDIR (OUTDIR/000/000000.txt …, at most 1000 files a
folder), most as scraped plain text with site debris, some as simple HTML
pages, in English (~60%), Ukrainian (~25%) and Russian (~15%) from 40
invented outlets over about two years, plus OUTDIR/truth.jsonl: one line per
article with the statements and quotes it contains (speaker, statement id,
story id), so that extraction and grouping can be scored.

Everything is invented: a world of countries, cities, organisations and ~2,000
speakers (names in Latin script with Ukrainian and Russian spellings), titles
that change holder on a date, stories (summits, strikes, floods, budgets …),
statements of 1–4 sentences built from templates, each reported by 1–8
outlets within a few days: in full, one sentence, split around the cue, as
indirect speech, in another language or another translation. Standard library
only; the same seed gives byte-identical output.
"""
import argparse
import bisect
import collections
import datetime as dt
import html
import json
import math
import os
import random
import sys

LANGS = ("en", "uk", "ru")

# ---------------------------------------------------------------- spelling --
# Invented names are built in a Latin spelling that maps letter by letter to
# Ukrainian and Russian Cyrillic (the two differ on i/y/h/g/e).
_DIGRAPHS = {
    "shch": ("щ", "щ"), "sh": ("ш", "ш"), "ch": ("ч", "ч"), "zh": ("ж", "ж"),
    "kh": ("х", "х"), "ts": ("ц", "ц"), "ya": ("я", "я"), "yu": ("ю", "ю"),
    "ye": ("є", "е"),
}
_SINGLE = {
    "a": ("а", "а"), "b": ("б", "б"), "d": ("д", "д"), "e": ("е", "е"),
    "f": ("ф", "ф"), "g": ("ґ", "г"), "h": ("г", "х"), "i": ("і", "и"),
    "k": ("к", "к"), "l": ("л", "л"), "m": ("м", "м"), "n": ("н", "н"),
    "o": ("о", "о"), "p": ("п", "п"), "r": ("р", "р"), "s": ("с", "с"),
    "t": ("т", "т"), "u": ("у", "у"), "v": ("в", "в"), "z": ("з", "з"),
    "y": ("и", "ы"), "j": ("й", "й"),
}


def translit(word, lang):
    if lang == "en":
        return word
    k = 0 if lang == "uk" else 1
    out = []
    low = word.lower()
    i = 0
    while i < len(low):
        for n in (4, 2):
            d = _DIGRAPHS.get(low[i:i + n])
            if d:
                c = d[k]
                i += n
                break
        else:
            c = _SINGLE.get(low[i], low[i])
            c = c[k] if isinstance(c, tuple) else c
            i += 1
        out.append(c)
    s = "".join(out)
    if lang == "ru" and low.startswith("e"):
        s = "э" + s[1:]
    return s[:1].upper() + s[1:] if word[:1].isupper() else s


def genitive(word, lang, gender):
    """Genitive of an invented surname or first name (uk/ru)."""
    if lang == "en":
        return word
    if gender == "f":
        # Women's first names in -а decline (Ірина → Ірини, Мира → Миры);
        # their surnames in a consonant do not.
        if not word.endswith("а"):
            return word
        stem = word[:-1]
        if stem[-1:] in "аеєиіїоуюяэы":
            return stem + ("ї" if lang == "uk" else "и")
        if lang == "ru" and stem[-1:] not in "кгхжшчщ":
            return stem + "ы"
        return stem + "и"
    if word.endswith("о"):
        return word[:-1] + "а" if lang == "uk" else word
    if word[-1:] in "аяеиіюєй":
        return word
    return word + "а"


# ------------------------------------------------------------------ world --
SYL_C = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
         "v", "z", "sh", "ch", "zh", "kh", "ts"]
SYL_V = ["a", "e", "i", "o", "u", "a", "o", "e"]
SURNAME_END = ["ak", "en", "ovan", "ets", "ir", "enko", "avin", "ul", "ost",
               "arin", "esh", "uk", "ard", "ilo", "emar", "odin", "ask"]
MALE_END = ["or", "an", "ir", "el", "os", "im", "ar", "en", "ud", "ek"]
FEMALE_END = ["a", "ina", "ela", "ira", "ana", "ena", "ita", "ola"]

COUNTRY_ROOTS = ["Veldor", "Marest", "Kalven", "Ostrav", "Dunmar", "Torel",
                 "Brevan", "Salmir", "Nordel", "Ravest", "Gellun", "Istmar",
                 "Pelor", "Varun"]
CITY_NAMES = ["Talmo", "Vessaro", "Kirano", "Dubeno", "Ostro", "Marleno",
              "Fesko", "Lovaro", "Santero", "Brusko", "Gelmo", "Pirano",
              "Tuvelo", "Ardeno", "Kessino", "Rovano", "Zelmo", "Hadeno",
              "Ulmeno", "Varto", "Nesko", "Dorano", "Belmo", "Sirako"]

# Titles: en (before a name), en short (second mention), uk nom, uk gen,
# uk short, ru nom, ru gen, ru short.  {c} is the jurisdiction: country
# nominative in en, genitive in uk/ru.
ROLES = [
    ("{c}'s Finance Minister", "the finance minister", "міністр фінансів {c}",
     "міністра фінансів {c}", "міністр", "министр финансов {c}",
     "министра финансов {c}", "министр"),
    ("{c}'s Defence Minister", "the defence minister", "міністр оборони {c}",
     "міністра оборони {c}", "міністр", "министр обороны {c}",
     "министра обороны {c}", "министр"),
    ("{c}'s Foreign Minister", "the foreign minister",
     "міністр закордонних справ {c}", "міністра закордонних справ {c}",
     "міністр", "министр иностранных дел {c}",
     "министра иностранных дел {c}", "министр"),
    ("{c}'s Energy Minister", "the energy minister", "міністр енергетики {c}",
     "міністра енергетики {c}", "міністр", "министр энергетики {c}",
     "министра энергетики {c}", "министр"),
    ("{c}'s Prime Minister", "the prime minister", "прем'єр-міністр {c}",
     "прем'єр-міністра {c}", "прем'єр", "премьер-министр {c}",
     "премьер-министра {c}", "премьер"),
    ("{c}'s President", "the president", "президент {c}", "президента {c}",
     "президент", "президент {c}", "президента {c}", "президент"),
    ("{c}'s central bank governor", "the governor",
     "голова центрального банку {c}", "голови центрального банку {c}",
     "голова банку", "глава центрального банка {c}",
     "главы центрального банка {c}", "глава банка"),
]
CITY_ROLE = ("Mayor of {c}", "the mayor", "мер {c}", "мера {c}", "мер",
             "мэр {c}", "мэра {c}", "мэр")
INTL = [  # en, uk nom, uk gen, ru nom, ru gen
    ("the Northern Treaty Council", "Північна договірна рада",
     "Північної договірної ради", "Северный договорной совет",
     "Северного договорного совета"),
    ("the Union of Coastal States", "Союз прибережних держав",
     "Союзу прибережних держав", "Союз прибрежных государств",
     "Союза прибрежных государств"),
    ("the Continental Trade Organisation", "Континентальна торговельна організація",
     "Континентальної торговельної організації",
     "Континентальная торговая организация",
     "Континентальной торговой организации"),
]
INTL_ROLE = ("Secretary General of {c}", "the secretary general",
             "генеральний секретар {c}", "генерального секретаря {c}",
             "генсек", "генеральный секретарь {c}",
             "генерального секретаря {c}", "генсек")
# Descriptions of speakers without office: en, en short, uk m, uk f, uk
# short m/f, ru m, ru f, ru short m/f.
DESCS = [
    ("opposition lawmaker", "the lawmaker", "опозиційний депутат",
     "опозиційна депутатка", "депутат", "депутатка",
     "оппозиционный депутат", "оппозиционный депутат", "депутат", "депутат"),
    ("economist", "the economist", "економіст", "економістка", "економіст",
     "економістка", "экономист", "экономист", "экономист", "экономист"),
    ("trade union leader", "the union leader", "профспілковий лідер",
     "профспілкова лідерка", "лідер", "лідерка", "профсоюзный лидер",
     "профсоюзный лидер", "лидер", "лидер"),
    ("energy analyst", "the analyst", "енергетичний аналітик",
     "енергетична аналітикиня", "аналітик", "аналітикиня",
     "энергетический аналитик", "энергетический аналитик", "аналитик",
     "аналитик"),
    ("ruling party spokesperson", "the spokesperson", "речник правлячої партії",
     "речниця правлячої партії", "речник", "речниця",
     "представитель правящей партии", "представитель правящей партии",
     "представитель", "представитель"),
]
# Organisations that speak: en, uk, ru, uk/ru grammatical gender.
ORG_KINDS = [
    ("the Ministry of Defence of {c}", "Міністерство оборони {c}",
     "Министерство обороны {c}", "n", "the ministry", "міністерство",
     "министерство"),
    ("the Ministry of Finance of {c}", "Міністерство фінансів {c}",
     "Министерство финансов {c}", "n", "the ministry", "міністерство",
     "министерство"),
    ("the Government of {c}", "Уряд {c}", "Правительство {c}", "m",
     "the government", "уряд", "правительство"),
]
PALACES = ["Varnholm", "Sedrakov", "Ostenburg"]  # seats of power, en name

# ------------------------------------------------------------ slot values --
SECTORS = [("defence", "оборону", "оборону"), ("schools", "школи", "школы"),
           ("roads", "дороги", "дороги"), ("hospitals", "лікарні", "больницы"),
           ("energy", "енергетику", "энергетику"),
           ("housing", "житло", "жильё"), ("pensions", "пенсії", "пенсии"),
           ("agriculture", "сільське господарство", "сельское хозяйство"),
           ("railways", "залізниці", "железные дороги"),
           ("air defence", "протиповітряну оборону", "противовоздушную оборону")]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
MONTHS_UK_GEN = ["січня", "лютого", "березня", "квітня", "травня", "червня",
                 "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"]
MONTHS_RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня",
                 "июля", "августа", "сентября", "октября", "ноября", "декабря"]
WEEKDAY = {"en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                  "Saturday", "Sunday"],
           "uk": ["у понеділок", "у вівторок", "у середу", "у четвер",
                  "у п'ятницю", "у суботу", "у неділю"],
           "ru": ["в понедельник", "во вторник", "в среду", "в четверг",
                  "в пятницу", "в субботу", "в воскресенье"]}

# --------------------------------------------------------------- templates --
# Statement sentences.  Each: (story kinds or None for any,
#   en direct, en indirect, uk direct, uk indirect, ru direct, ru indirect).
# Indirect forms are the clause after "said that"; direct sentences with a
# comma can be split around the cue.
S = [
    (None,
     "We will raise spending on {sector} by {pct} next year, and this is not negotiable.",
     "the government would raise spending on {sector} by {pct} next year",
     "Ми збільшимо видатки на {sector} на {pct} наступного року, і це не обговорюється.",
     "уряд збільшить видатки на {sector} на {pct} наступного року",
     "Мы увеличим расходы на {sector} на {pct} в следующем году, и это не обсуждается.",
     "правительство увеличит расходы на {sector} на {pct} в следующем году"),
    (None,
     "Nobody should expect quick results, but the direction is right.",
     "nobody should expect quick results but the direction was right",
     "Ніхто не повинен чекати швидких результатів, але напрям правильний.",
     "швидких результатів чекати не варто, але напрям правильний",
     "Никто не должен ждать быстрых результатов, но направление верное.",
     "быстрых результатов ждать не стоит, но направление верное"),
    (None,
     "The figures speak for themselves: {n} projects are already under way.",
     "{n} projects were already under way",
     "Цифри говорять самі за себе: вже реалізується {n} проєктів.",
     "вже реалізується {n} проєктів",
     "Цифры говорят сами за себя: уже реализуется {n} проектов.",
     "уже реализуется {n} проектов"),
    (None,
     "We have {amt} on the table, and every cent of it will be accounted for.",
     "{amt} had been set aside and every cent would be accounted for",
     "На столі {amt}, і за кожен цент буде звіт.",
     "передбачено {amt}, і за кожен цент буде звіт",
     "На столе {amt}, и за каждый цент будет отчёт.",
     "предусмотрено {amt}, и за каждый цент будет отчёт"),
    (None,
     "I do not accept the criticism that we acted too late.",
     "the criticism that the authorities had acted too late was unfounded",
     "Я не приймаю критики, що ми діяли надто пізно.",
     "критика про запізнілі дії влади безпідставна",
     "Я не принимаю критику, что мы действовали слишком поздно.",
     "критика о запоздалых действиях властей безосновательна"),
    (None,
     "By the end of {month}, people will see the first changes in their own lives.",
     "people would see the first changes by the end of {month}",
     "До кінця {month} люди побачать перші зміни у власному житті.",
     "перші зміни люди побачать до кінця {month}",
     "К концу {month} люди увидят первые изменения в собственной жизни.",
     "первые изменения люди увидят к концу {month}"),
    (None,
     "Our partners in {cg} have promised to help, and I expect them to keep their word.",
     "partners in {cg} had promised to help and were expected to keep their word",
     "Наші партнери з {cg} пообіцяли допомогти, і я очікую, що вони дотримають слова.",
     "партнери з {cg} пообіцяли допомогти і мають дотримати слова",
     "Наши партнёры из {cg} обещали помочь, и я ожидаю, что они сдержат слово.",
     "партнёры из {cg} обещали помочь и должны сдержать слово"),
    (None,
     "Inflation of {pct} is too high, and we cannot pretend otherwise.",
     "inflation of {pct} was too high",
     "Інфляція на рівні {pct} надто висока, і вдавати інше ми не можемо.",
     "інфляція на рівні {pct} надто висока",
     "Инфляция на уровне {pct} слишком высока, и делать вид, что это не так, мы не можем.",
     "инфляция на уровне {pct} слишком высока"),
    (None,
     "This decision was not easy, but it was necessary.",
     "the decision had not been easy but was necessary",
     "Це рішення було непростим, але необхідним.",
     "рішення було непростим, але необхідним",
     "Это решение было непростым, но необходимым.",
     "решение было непростым, но необходимым"),
    (None,
     "We are ready to talk to anyone who comes with concrete proposals.",
     "the authorities were ready to talk to anyone with concrete proposals",
     "Ми готові говорити з кожним, хто прийде з конкретними пропозиціями.",
     "влада готова говорити з кожним, хто має конкретні пропозиції",
     "Мы готовы говорить с каждым, кто придёт с конкретными предложениями.",
     "власти готовы говорить с каждым, у кого есть конкретные предложения"),
    (("summit", "trade"),
     "The talks in {city} were difficult, but we found common ground on {n} points.",
     "the talks in {city} had found common ground on {n} points",
     "Переговори в {city} були складними, але ми знайшли спільну позицію з {n} питань.",
     "на переговорах у {city} знайшли спільну позицію з {n} питань",
     "Переговоры в {city} были сложными, но мы нашли общую позицию по {n} вопросам.",
     "на переговорах в {city} нашли общую позицию по {n} вопросам"),
    (("summit", "trade"),
     "A final agreement is possible before {month}, if nobody changes the rules at the last minute.",
     "a final agreement was possible before {month}",
     "Остаточна угода можлива до {month}, якщо ніхто не змінить правила в останню хвилину.",
     "остаточна угода можлива до {month}",
     "Окончательное соглашение возможно до {month}, если никто не изменит правила в последний момент.",
     "окончательное соглашение возможно до {month}"),
    (("summit",),
     "Security in our region cannot be bought cheaply.",
     "security in the region could not be bought cheaply",
     "Безпеку в нашому регіоні неможливо купити дешево.",
     "безпеку в регіоні неможливо купити дешево",
     "Безопасность в нашем регионе невозможно купить дёшево.",
     "безопасность в регионе невозможно купить дёшево"),
    (("strike",),
     "Workers have waited {n} months for the promised raise, and their patience is over.",
     "workers had waited {n} months for the promised raise",
     "Працівники чекають обіцяного підвищення вже {n} місяців, і їхнє терпіння скінчилося.",
     "працівники чекають обіцяного підвищення вже {n} місяців",
     "Работники ждут обещанного повышения уже {n} месяцев, и их терпение закончилось.",
     "работники ждут обещанного повышения уже {n} месяцев"),
    (("strike",),
     "A raise of {pct} is the minimum we can accept.",
     "a raise of {pct} was the minimum the union could accept",
     "Підвищення на {pct} — це мінімум, на який ми можемо погодитися.",
     "підвищення на {pct} — мінімум, на який готова погодитися профспілка",
     "Повышение на {pct} — это минимум, на который мы можем согласиться.",
     "повышение на {pct} — минимум, на который готов согласиться профсоюз"),
    (("strike",),
     "The trains will run again as soon as the agreement is signed.",
     "the trains would run again as soon as the agreement was signed",
     "Потяги знову курсуватимуть, щойно угоду буде підписано.",
     "потяги знову курсуватимуть після підписання угоди",
     "Поезда снова пойдут, как только соглашение будет подписано.",
     "поезда снова пойдут после подписания соглашения"),
    (("flood",),
     "More than {n} families have lost their homes, and the water is still rising.",
     "more than {n} families had lost their homes",
     "Понад {n} родин втратили домівки, а вода досі прибуває.",
     "понад {n} родин втратили домівки",
     "Более {n} семей лишились домов, а вода всё ещё прибывает.",
     "более {n} семей лишились домов"),
    (("flood",),
     "Rescue teams are working around the clock in {city}.",
     "rescue teams were working around the clock in {city}",
     "Рятувальники працюють у {city} цілодобово.",
     "рятувальники працюють у {city} цілодобово",
     "Спасатели работают в {city} круглосуточно.",
     "спасатели работают в {city} круглосуточно"),
    (("flood",),
     "Every family that lost its home will receive {amt} in compensation.",
     "every family that had lost its home would receive {amt} in compensation",
     "Кожна родина, яка втратила дім, отримає {amt} компенсації.",
     "кожна родина, яка втратила дім, отримає {amt} компенсації",
     "Каждая семья, потерявшая дом, получит {amt} компенсации.",
     "каждая семья, потерявшая дом, получит {amt} компенсации"),
    (("budget", "energy"),
     "The budget deficit will not exceed {pct} of GDP.",
     "the budget deficit would not exceed {pct} of GDP",
     "Дефіцит бюджету не перевищить {pct} ВВП.",
     "дефіцит бюджету не перевищить {pct} ВВП",
     "Дефицит бюджета не превысит {pct} ВВП.",
     "дефицит бюджета не превысит {pct} ВВП"),
    (("budget",),
     "Taxes for small businesses will stay where they are.",
     "taxes for small businesses would not change",
     "Податки для малого бізнесу залишаться на нинішньому рівні.",
     "податки для малого бізнесу не зміняться",
     "Налоги для малого бизнеса останутся на нынешнем уровне.",
     "налоги для малого бизнеса не изменятся"),
    (("energy",),
     "Gas reserves are sufficient for the winter, there is no reason to panic.",
     "gas reserves were sufficient for the winter",
     "Запасів газу достатньо на зиму, підстав для паніки немає.",
     "запасів газу достатньо на зиму",
     "Запасов газа достаточно на зиму, поводов для паники нет.",
     "запасов газа достаточно на зиму"),
    (("energy",),
     "Electricity prices for households will rise by no more than {pct}.",
     "electricity prices for households would rise by no more than {pct}",
     "Ціни на електроенергію для населення зростуть не більше ніж на {pct}.",
     "ціни на електроенергію для населення зростуть не більше ніж на {pct}",
     "Цены на электроэнергию для населения вырастут не более чем на {pct}.",
     "цены на электроэнергию для населения вырастут не более чем на {pct}"),
    (("election",),
     "Voters deserve an honest campaign, not promises that nobody can keep.",
     "voters deserved an honest campaign",
     "Виборці заслуговують на чесну кампанію, а не на обіцянки, яких ніхто не виконає.",
     "виборці заслуговують на чесну кампанію",
     "Избиратели заслуживают честной кампании, а не обещаний, которые никто не выполнит.",
     "избиратели заслуживают честной кампании"),
    (("election",),
     "Turnout of {pct} would be a good result for democracy.",
     "a turnout of {pct} would be a good result",
     "Явка на рівні {pct} була б добрим результатом для демократії.",
     "явка на рівні {pct} була б добрим результатом",
     "Явка на уровне {pct} была бы хорошим результатом для демократии.",
     "явка на уровне {pct} была бы хорошим результатом"),
    (("trade",),
     "Tariffs of {pct} on our steel would hurt both sides.",
     "tariffs of {pct} on steel would hurt both sides",
     "Мита у {pct} на нашу сталь зашкодять обом сторонам.",
     "мита у {pct} на сталь зашкодять обом сторонам",
     "Пошлины в {pct} на нашу сталь навредят обеим сторонам.",
     "пошлины в {pct} на сталь навредят обеим сторонам"),
]
# Second translations: word swaps applied to a rendering.
SWAPS = {
    "en": [("not easy", "hard"), ("necessary", "unavoidable"),
           ("promised", "pledged"), ("quick", "fast"), ("difficult", "hard"),
           ("lost their homes", "been left homeless"), ("ready", "prepared"),
           ("too high", "excessive"), ("raise", "increase"),
           ("Nobody", "No one"), ("nobody", "no one")],
    "uk": [("непростим", "складним"), ("необхідним", "вимушеним"),
           ("пообіцяли", "обіцяли"), ("швидких", "миттєвих"),
           ("складними", "важкими"), ("надто", "занадто"),
           ("готові", "відкриті до того, щоб"), ("збільшимо", "підвищимо"),
           ("допомогти", "підтримати"), ("Ніхто", "Жоден"),
           ("цілодобово", "без перерви")],
    "ru": [("непростым", "трудным"), ("необходимым", "вынужденным"),
           ("обещали", "пообещали"), ("быстрых", "мгновенных"),
           ("сложными", "тяжёлыми"), ("слишком", "чересчур"),
           ("увеличим", "повысим"), ("помочь", "поддержать"),
           ("круглосуточно", "без перерыва"),
           ("лишились домов", "потеряли дома")],
}

# Counts written with a noun: only numbers after which Ukrainian and Russian
# use the genitive plural (5–20, 25–30, …), so one noun form fits all.
COUNTS = [k for k in range(5, 61) if k % 10 in (0, 5, 6, 7, 8, 9)
          or 11 <= k % 100 <= 14]

# Templates in the first person singular: not for organisations.
SINGULAR = {i for i, t in enumerate(S) if t[1].startswith("I ") or " I " in t[1]}

# Templates without slots: the same words whoever says them.
FIXED = {i for i, t in enumerate(S) if "{" not in t[1]}

STORY_KINDS = ["summit", "strike", "flood", "budget", "energy", "election",
               "trade"]
# Story heads for titles: en, uk, ru; {city}, {cg} slots.
STORY_HEAD = {
    "summit": ("Summit in {city}", "Саміт у {city}", "Саммит в {city}"),
    "strike": ("Rail strike in {city}", "Страйк залізничників у {city}",
               "Забастовка железнодорожников в {city}"),
    "flood": ("Floods in {city}", "Повінь у {city}", "Наводнение в {city}"),
    "budget": ("Budget of {cg}", "Бюджет {cg}", "Бюджет {cg}"),
    "energy": ("Energy prices in {cg}", "Ціни на енергію в {cg}",
               "Цены на энергию в {cg}"),
    "election": ("Election in {cg}", "Вибори в {cg}", "Выборы в {cg}"),
    "trade": ("Trade talks with {cg}", "Торговельні переговори з {cg}",
              "Торговые переговоры с {cg}"),
}
# Background sentences with no speech in them, by story kind (None: any).
FILL = {
    "en": {
        None: ["The government has been under pressure since {month}, when prices rose by {pct}.",
               "Analysts expect the debate to continue well into next year.",
               "Parliament is due to vote on the package in the coming weeks.",
               "The last comparable programme cost {amt} and took {n} months to complete.",
               "Opinion polls show support for the ruling coalition at {pct}.",
               "Neighbouring {cg} faced similar problems two years ago.",
               "The issue has dominated the news since the start of {month}.",
               "Local officials in {city} have asked for more money from the capital.",
               "The central bank kept its key rate unchanged at {pct} at its last meeting.",
               "Economic growth slowed to {pct} in the last quarter.",
               "Several regional councils have adopted their own measures.",
               "The opposition has called for a debate in parliament.",
               "Public debt stood at {pct} of GDP at the end of last year.",
               "The plan still needs the approval of the upper chamber.",
               "Unemployment in the region of {city} is close to {pct}.",
               "The measures are to be financed partly from a reserve fund of {amt}.",
               "A similar proposal was rejected by lawmakers in {month}.",
               "Trade unions have threatened protests if wages are not indexed.",
               "Fuel prices have risen for {n} weeks in a row.",
               "The capital's largest employers have frozen hiring since {month}.",
               "Independent auditors are expected to publish their review within {n} days.",
               "Foreign investors have taken a cautious view of the plans.",
               "The next round of consultations is scheduled for {month}.",
               "Ratings agencies have so far kept their outlook unchanged."],
        "summit": ["Delegations from {n} countries arrived in {city} for the two-day meeting.",
                   "The summit takes place amid growing tension in the region.",
                   "A joint declaration is expected on the final day."],
        "strike": ["Trains between {city} and the capital have been cancelled for {n} days.",
                   "The union represents about {n} thousand rail workers.",
                   "Commuters crowded bus stations across {city} on Monday morning."],
        "flood": ["Heavy rain caused the river to burst its banks near {city}.",
                  "About {n} people have been evacuated from low-lying districts.",
                  "Several bridges in the region remain closed to traffic."],
        "budget": ["The draft budget foresees revenue of {amt}.",
                   "The budget committee will review the draft next week."],
        "energy": ["Gas storage facilities are {pct} full, according to the operator's data.",
                   "Wholesale electricity prices doubled over the summer."],
        "election": ["More than {n} candidates have registered for the vote.",
                     "Polling stations will open at 7 a.m. local time."],
        "trade": ["Trade between the two countries reached {amt} last year.",
                  "Steel makes up about {pct} of exports."],
    },
    "uk": {
        None: ["Уряд перебуває під тиском ще з {month}, коли ціни зросли на {pct}.",
               "Аналітики очікують, що дискусія триватиме й наступного року.",
               "Парламент має проголосувати за пакет найближчими тижнями.",
               "Попередня подібна програма коштувала {amt} і тривала {n} місяців.",
               "За даними опитувань, правлячу коаліцію підтримують {pct} громадян.",
               "Сусідня держава зіткнулася з подібними проблемами два роки тому.",
               "Ця тема домінує в новинах з початку {month}.",
               "Місцева влада {city} попросила в столиці більше коштів.",
               "Центральний банк зберіг облікову ставку на рівні {pct}.",
               "Зростання економіки сповільнилося до {pct} в останньому кварталі.",
               "Кілька обласних рад ухвалили власні заходи.",
               "Опозиція вимагає обговорення в парламенті.",
               "Державний борг наприкінці минулого року становив {pct} ВВП.",
               "План ще має схвалити верхня палата.",
               "Безробіття в регіоні навколо {city} наближається до {pct}.",
               "Заходи частково фінансуватимуть із резервного фонду обсягом {amt}.",
               "Подібну пропозицію депутати відхилили в середині {month}.",
               "Профспілки погрожують протестами, якщо зарплати не проіндексують.",
               "Ціни на пальне зростають уже {n} тижнів поспіль.",
               "Найбільші роботодавці столиці з {month} заморозили наймання.",
               "Незалежні аудитори мають оприлюднити свій висновок протягом {n} днів.",
               "Іноземні інвестори поставилися до планів обережно.",
               "Наступний раунд консультацій заплановано на середину {month}.",
               "Рейтингові агентства поки не змінили свого прогнозу."],
        "summit": ["Делегації з {n} країн прибули до {city} на дводенну зустріч.",
                   "Саміт відбувається на тлі зростання напруги в регіоні.",
                   "Спільну декларацію очікують в останній день."],
        "strike": ["Потяги між {city} і столицею скасовані вже {n} днів.",
                   "Профспілка об'єднує близько {n} тисяч залізничників.",
                   "Вранці автовокзали {city} були переповнені."],
        "flood": ["Через сильні дощі річка вийшла з берегів поблизу {city}.",
                  "З низинних районів евакуювали близько {n} людей.",
                  "Кілька мостів у регіоні досі закриті для руху."],
        "budget": ["Проєкт бюджету передбачає доходи в розмірі {amt}.",
                   "Бюджетний комітет розгляне проєкт наступного тижня."],
        "energy": ["Газові сховища заповнені на {pct}.",
                   "Оптові ціни на електроенергію влітку подвоїлися."],
        "election": ["На виборах зареєструвалися понад {n} кандидатів.",
                     "Виборчі дільниці відкриються о 7:00 за місцевим часом."],
        "trade": ["Торгівля між двома країнами минулого року сягнула {amt}.",
                  "Сталь становить близько {pct} експорту."],
    },
    "ru": {
        None: ["Правительство находится под давлением с {month}, когда цены выросли на {pct}.",
               "Аналитики ожидают, что дискуссия продолжится и в следующем году.",
               "Парламент должен проголосовать за пакет в ближайшие недели.",
               "Предыдущая подобная программа стоила {amt} и длилась {n} месяцев.",
               "По данным опросов, правящую коалицию поддерживают {pct} граждан.",
               "Соседняя страна столкнулась с похожими проблемами два года назад.",
               "Эта тема доминирует в новостях с начала {month}.",
               "Местные власти {city} попросили у столицы больше средств.",
               "Центральный банк сохранил ключевую ставку на уровне {pct}.",
               "Рост экономики замедлился до {pct} в последнем квартале.",
               "Несколько региональных советов приняли собственные меры.",
               "Оппозиция требует обсуждения в парламенте.",
               "Государственный долг на конец прошлого года составлял {pct} ВВП.",
               "План ещё должна одобрить верхняя палата.",
               "Безработица в регионе вокруг {city} приближается к {pct}.",
               "Меры частично будут финансироваться из резервного фонда объёмом {amt}.",
               "Похожее предложение депутаты отклонили в середине {month}.",
               "Профсоюзы грозят протестами, если зарплаты не проиндексируют.",
               "Цены на топливо растут уже {n} недель подряд.",
               "Крупнейшие работодатели столицы с {month} заморозили найм.",
               "Независимые аудиторы должны опубликовать своё заключение в течение {n} дней.",
               "Иностранные инвесторы отнеслись к планам осторожно.",
               "Следующий раунд консультаций запланирован на середину {month}.",
               "Рейтинговые агентства пока не изменили свой прогноз."],
        "summit": ["Делегации из {n} стран прибыли в {city} на двухдневную встречу.",
                   "Саммит проходит на фоне роста напряжённости в регионе.",
                   "Совместную декларацию ожидают в последний день."],
        "strike": ["Поезда между {city} и столицей отменены уже {n} дней.",
                   "Профсоюз объединяет около {n} тысяч железнодорожников.",
                   "Утром автовокзалы {city} были переполнены."],
        "flood": ["Из-за сильных дождей река вышла из берегов около {city}.",
                  "Из низменных районов эвакуировали около {n} человек.",
                  "Несколько мостов в регионе по-прежнему закрыты для движения."],
        "budget": ["Проект бюджета предусматривает доходы в размере {amt}.",
                   "Бюджетный комитет рассмотрит проект на следующей неделе."],
        "energy": ["Газовые хранилища заполнены на {pct}.",
                   "Оптовые цены на электроэнергию летом удвоились."],
        "election": ["На выборах зарегистрировались более {n} кандидатов.",
                     "Избирательные участки откроются в 7:00 по местному времени."],
        "trade": ["Торговля между двумя странами в прошлом году достигла {amt}.",
                  "Сталь составляет около {pct} экспорта."],
    },
}

# Cue verbs.  en: (past, present-participle unused).  uk/ru: stems taking
# the past-tense ending for the speaker's gender.
CUES_EN = ["said", "said", "said", "stressed", "added", "noted", "told reporters",
           "told {outlet}"]
CUES_EN_INV = ["said", "said", "added", "stressed"]
CUES_SL = {"uk": ["заяви", "сказа", "наголоси", "дода", "зазначи", "сказа"],
           "ru": ["заяви", "сказа", "подчеркну", "добави", "отмети", "сказа"]}
ENDINGS = {"uk": {"m": "в", "f": "ла", "n": "ло"},
           "ru": {"m": "л", "f": "ла", "n": "ло"}}
PRON = {"en": {"m": "he", "f": "she", "n": "it"},
        "uk": {"m": "він", "f": "вона", "n": "воно"},
        "ru": {"m": "он", "f": "она", "n": "оно"}}
PRON_GEN = {"uk": {"m": "його", "f": "її"}, "ru": {"m": "его", "f": "её"}}
FORMER = {"en": ("former", "former"), "uk": ("колишній", "колишня"),
          "ru": ("бывший", "бывшая")}
ANON = {"en": ["a source in the government", "an official familiar with the talks",
               "a senior diplomat who asked not to be named"],
        "uk": ["джерело в уряді", "поінформоване джерело",
               "співрозмовник у міністерстві"],
        "ru": ["источник в правительстве", "осведомлённый источник",
               "собеседник в министерстве"]}

# ------------------------------------------------------------- site debris --
DEBRIS = {
    "en": {"nav": ["Home", "News", "Politics", "Economy", "World", "Opinion",
                   "Skip to content", "Menu", "Search", "Subscribe",
                   "EN | UA | RU", "Sign in", "Latest"],
           "mid": ["Advertisement", "Read more: {head}", "ADVERTISEMENT",
                   "Related: {head}", "Also read: {head}"],
           "share": ["Share", "Facebook Twitter Telegram Email", "• {n} views",
                     "Print"],
           "foot": ["Related Posts", "{head}", "{head}",
                    "Sign up for our morning newsletter",
                    "We use cookies to improve your experience. By using this site you accept our Cookie Policy.",
                    "© {year} {outlet}. All rights reserved.", "Comments ({n})",
                    "Most read", "Contact us  About us  Privacy"]},
    "uk": {"nav": ["Головна", "Новини", "Політика", "Економіка", "Світ",
                   "Стрічка новин", "Укр Рус Eng", "Пошук", "Курс валют: USD 41,52 EUR 43,88"],
           "mid": ["Реклама", "Читайте також: {head}", "Читайте також",
                   "Раніше: {head}"],
           "share": ["Поділитися:", "Facebook Telegram Viber", "Переглядів: {n}"],
           "foot": ["Останні новини", "{head}", "{head}",
                    "Підписуйтесь на наш Telegram-канал",
                    "© {year} {outlet}. Усі права захищено.",
                    "Використання матеріалів дозволено лише з посиланням на джерело.",
                    "Коментарі ({n})"]},
    "ru": {"nav": ["Главная", "Новости", "Политика", "Экономика", "Общество",
                   "RU | EN", "Поиск", "Лента новостей"],
           "mid": ["Реклама", "Читайте также: {head}", "По теме: {head}"],
           "share": ["Поделиться", "ВКонтакте Telegram", "Просмотров: {n}"],
           "foot": ["Последние новости", "{head}", "{head}",
                    "Подписывайтесь на наш канал",
                    "© {year} {outlet}. Все права защищены.",
                    "Комментарии ({n})"]},
}
OUTLET_WORDS = {
    "en": ["Ledger", "Courier", "Observer", "Dispatch", "Herald", "Wire",
           "Tribune", "Monitor", "Gazette", "Bulletin", "Chronicle", "Post"],
    # masculine nouns, to agree with the masculine adjectives below
    "uk": ["Вісник", "Кур'єр", "Час", "Погляд", "Голос", "Огляд", "Репортер",
           "Експрес"],
    "ru": ["Вестник", "Курьер", "Взгляд", "Голос", "Обозреватель",
           "Репортёр", "Экспресс"],
}
OUTLET_PREFIX = {
    "en": ["Baltic", "Northern", "Coastal", "Capital", "Daily", "Evening",
           "Continental", "Metro", "Harbour", "Valley", "Central", "Eastern",
           "Western", "Morning", "Free", "Open", "Global", "Plain", "River",
           "Summit", "Union", "Market", "Public", "Civic"],
    "uk": ["Західний", "Столичний", "Народний", "Вечірній", "Обласний",
           "Східний", "Новий", "Діловий", "Південний", "Громадський"],
    "ru": ["Северный", "Деловой", "Вечерний", "Столичный", "Новый",
           "Городской"],
}


# ------------------------------------------------------------------ model --
class Speaker:
    __slots__ = ("sid", "kind", "gender", "names", "surn", "surn_gen",
                 "desc", "weight", "canon", "terms")

    def __init__(self, sid, kind, gender):
        self.sid, self.kind, self.gender = sid, kind, gender
        self.names = {}      # lang -> full name (nominative)
        self.surn = {}       # lang -> surname / short org name
        self.surn_gen = {}
        self.desc = None     # index into DESCS for people without office
        self.terms = []      # (title index, start day, end day)
        self.canon = ""


class Title:
    __slots__ = ("role", "juris", "holders")  # holders: [(start, speaker)]

    def __init__(self, role, juris):
        self.role, self.juris, self.holders = role, juris, []

    def holder(self, day):
        h = None
        for start, sp in self.holders:
            if start <= day:
                h = sp
        return h


class World:
    def __init__(self, rng, days, html_share=0.25):
        self.html_share = html_share
        self.rng = rng
        self.days = days
        self.countries = []   # (en, uk nom, uk gen, ru nom, ru gen)
        for root in COUNTRY_ROOTS:
            en = root + "ia"
            uk = translit(root, "uk") + "ія"
            ru = translit(root, "ru") + "ия"
            self.countries.append((en, uk, uk[:-2] + "ії", ru, ru[:-2] + "ии"))
        self.cities = [(c, translit(c, "uk"), translit(c, "ru"))
                       for c in CITY_NAMES]
        self._people(2000)
        self._titles()
        self._orgs()
        self._outlets()

    def _name(self, used, gender):
        r = self.rng
        while True:
            first = r.choice(SYL_C).capitalize() + r.choice(SYL_V) + \
                r.choice(SYL_C if r.random() < .5 else [""]) + \
                r.choice(MALE_END if gender == "m" else FEMALE_END)
            last = r.choice(SYL_C).capitalize() + r.choice(SYL_V) + \
                r.choice(["l", "r", "n", "s", "v", "m", ""]) + \
                r.choice(SURNAME_END)
            if (first, last) not in used and last not in used:
                used.add((first, last))
                used.add(last)
                return first, last

    def _people(self, n):
        used = set()
        self.people = []
        for i in range(n):
            g = "f" if self.rng.random() < .38 else "m"
            sp = Speaker(i, "person", g)
            first, last = self._name(used, g)
            for lang in LANGS:
                f, l = translit(first, lang), translit(last, lang)
                sp.names[lang] = f + " " + l
                sp.surn[lang] = l
                sp.surn_gen[lang] = genitive(l, lang, g)
            sp.canon = sp.names["en"]
            sp.weight = 1.0 / (i + 1) ** 0.85
            self.people.append(sp)

    def _titles(self):
        r = self.rng
        self.titles = []
        for ci in range(len(self.countries)):
            for ri in range(len(ROLES)):
                self.titles.append(Title(ri, ("country", ci)))
        for ci in range(10):
            self.titles.append(Title(-1, ("city", ci)))
        for oi in range(len(INTL)):
            self.titles.append(Title(-2, ("intl", oi)))
        # The most quoted people hold offices; a quarter of offices change
        # holder during the period, the successor drawn further down.
        order = list(range(len(self.titles)))
        r.shuffle(order)
        nxt = 0
        succ = len(self.titles) + 40
        for k, ti in enumerate(order):
            t = self.titles[ti]
            first = self.people[nxt]
            nxt += 1
            t.holders.append((-10_000, first))
            if r.random() < .25:
                day = r.randrange(60, self.days - 60)
                second = self.people[succ]
                succ += 1
                t.holders.append((day, second))
                first.terms.append((ti, -10_000, day))
                second.terms.append((ti, day, 10_000))
            else:
                first.terms.append((ti, -10_000, 10_000))
        for sp in self.people:
            sp.desc = r.randrange(len(DESCS))

    def _orgs(self):
        self.orgs = []
        n = len(self.people)
        for ci, c in enumerate(self.countries[:8]):
            for k, ok in enumerate(ORG_KINDS):
                sp = Speaker(n, "org", ok[3])
                n += 1
                sp.names = {"en": ok[0].format(c=c[0]),
                            "uk": ok[1].format(c=c[2]),
                            "ru": ok[2].format(c=c[4])}
                sp.surn = {"en": ok[4], "uk": ok[5], "ru": ok[6]}
                sp.canon = sp.names["en"].replace("the ", "The ", 1)
                sp.weight = 0.02
                self.orgs.append(sp)
        for p in PALACES:
            sp = Speaker(n, "org", "m")
            n += 1
            sp.names = {"en": "the " + p, "uk": translit(p, "uk"),
                        "ru": translit(p, "ru")}
            sp.surn = {"en": "the " + p, "uk": sp.names["uk"],
                       "ru": sp.names["ru"]}
            sp.canon = "The " + p
            sp.weight = 0.03
            self.orgs.append(sp)

    def _outlets(self):
        r = self.rng
        self.outlets = []
        specs = [("en", 24), ("uk", 10), ("ru", 6)]
        used = set()
        for lang, count in specs:
            for k in range(count):
                while True:
                    name = r.choice(OUTLET_PREFIX[lang]) + " " + \
                        r.choice(OUTLET_WORDS[lang])
                    if r.random() < .3 and lang == "en":
                        name = name.replace(" ", "")
                    if name not in used:
                        used.add(name)
                        break
                self.outlets.append({
                    "name": name, "lang": lang,
                    # spread the HTML outlets evenly over each language
                    "html": int((k + 1) * self.html_share) > int(k * self.html_share),
                    "weight": r.uniform(.4, 1.6) *
                    {"en": 1.2, "uk": .85, "ru": 1.0}[lang],
                    "datefmt": r.randrange(4),
                    "dateline": r.randrange(3),
                    "marks": r.randrange(2),
                    "nav": r.sample(DEBRIS[lang]["nav"],
                                    min(5, len(DEBRIS[lang]["nav"]))),
                    "authors": [self._author(lang) for _ in range(6)],
                })

    def _author(self, lang):
        r = self.rng
        g = "f" if r.random() < .5 else "m"
        first, last = self._name(set(), g)
        return translit(first, lang) + " " + translit(last, lang)

    def title_text(self, ti, lang, form):
        """form: 'full' (before a name), 'short', 'gen' (uk/ru genitive)."""
        t = self.titles[ti]
        kind, idx = t.juris
        role = ROLES[t.role] if t.role >= 0 else \
            (CITY_ROLE if t.role == -1 else INTL_ROLE)
        if kind == "country":
            c = self.countries[idx]
            cval = {"en": c[0], "uk": c[2], "ru": c[4]}[lang]
        elif kind == "city":
            c = self.cities[idx]
            cval = c[LANGS.index(lang)]
        else:
            c = INTL[idx]
            cval = {"en": c[0], "uk": c[2], "ru": c[4]}[lang]
        col = {("en", "full"): 0, ("en", "short"): 1, ("en", "gen"): 0,
               ("uk", "full"): 2, ("uk", "gen"): 3, ("uk", "short"): 4,
               ("ru", "full"): 5, ("ru", "gen"): 6, ("ru", "short"): 7}
        return role[col[(lang, form)]].format(c=cval)


# --------------------------------------------------------------- rendering --
def fmt_num(x, lang):
    s = ("%.1f" % x) if x != int(x) else str(int(x))
    return s.replace(".", ",") if lang != "en" else s


def render_slots(slots, lang, world):
    pct = fmt_num(slots["pct"], lang)
    amt = fmt_num(slots["amt"], lang)
    c = world.countries[slots["c"]]
    city = world.cities[slots["city"]]
    li = LANGS.index(lang)
    if lang == "en":
        pctv = pct + (" percent" if slots["pct_word"] else "%")
        amtv = amt + " billion euros"
        month = MONTHS_EN[slots["month"]]
        cg = c[0]
    elif lang == "uk":
        pctv = pct + "%"
        amtv = amt + " млрд євро"
        month = MONTHS_UK_GEN[slots["month"]]
        cg = c[2]
    else:
        pctv = pct + "%"
        amtv = amt + " млрд евро"
        month = MONTHS_RU_GEN[slots["month"]]
        cg = c[4]
    return {"pct": pctv, "amt": amtv, "n": str(slots["n"]),
            "sector": SECTORS[slots["sector"]][li], "month": month,
            "cg": cg, "city": city[li]}


def apply_swaps(s, lang):
    for a, b in SWAPS[lang]:
        if a in s:
            s = s.replace(a, b, 1)
    return s


class Statement:
    __slots__ = ("stid", "story", "speaker", "day", "sents", "slots",
                 "_cache")

    def __init__(self, stid, story, speaker, day, sents, slots):
        self.stid, self.story, self.speaker, self.day = stid, story, speaker, day
        self.sents, self.slots = sents, slots
        self._cache = {}

    def direct(self, lang, variant, world):
        key = (lang, variant)
        c = self._cache.get(key)
        if c is None:
            col = 1 + 2 * LANGS.index(lang)
            c = []
            for si, sl in zip(self.sents, self.slots):
                s = S[si][col].format(**render_slots(sl, lang, world))
                if variant:
                    s = apply_swaps(s, lang)
                c.append(s)
            self._cache[key] = c
        return c

    def indirect(self, lang, k, world):
        vals = render_slots(self.slots[k], lang, world)
        return S[self.sents[k]][2 + 2 * LANGS.index(lang)].format(**vals)


def upper1(s):
    return s[:1].upper() + s[1:]


def lower1(s):
    return s[:1].lower() + s[1:] if not s[1:2].isupper() else s


class Writer:
    """Writes one article's body: paragraphs plus truth records."""

    def __init__(self, world, rng, outlet, lang, day):
        self.w, self.r, self.o, self.lang, self.day = world, rng, outlet, lang, day
        self.paras = []
        self.quotes = []
        self.named = set()    # speakers already introduced in this article
        self.named_sp = {}
        self.last = None      # speaker of the previous quote paragraph
        if lang == "en":
            self.q = ("\u201c", "\u201d") if outlet["marks"] else ('"', '"')
        elif lang == "uk":
            self.q = ("«", "»") if outlet["marks"] else ("\u201c", "\u201d")
        else:
            self.q = ("«", "»")

    # mentions ---------------------------------------------------------
    def office(self, sp):
        """(title index, former?) for sp on this day, or (None, False)."""
        for ti, a, b in sp.terms:
            if a <= self.day < b:
                return ti, False
        for ti, a, b in sp.terms:
            if b <= self.day:
                return ti, True
        return None, False

    def first_mention(self, sp):
        lang, g = self.lang, sp.gender
        if sp.kind == "org":
            return sp.names[lang]
        ti, former = self.office(sp)
        name = sp.names[lang]
        if ti is not None:
            t = self.w.title_text(ti, lang, "full")
            if former:
                if lang == "en":
                    t = t.replace("'s ", "'s former ", 1) if "'s " in t \
                        else "former " + t
                else:
                    # the titles are masculine nouns, and so is "former"
                    # before them, whoever holds them
                    t = FORMER[lang][0] + " " + t
            return t + " " + name
        d = DESCS[sp.desc]
        if lang == "en":
            return d[0] + " " + name
        base = 2 if lang == "uk" else 6
        return d[base + (g == "f")] + " " + name

    def short_mention(self, sp, allow_pron):
        """A second mention: surname, title only or pronoun."""
        lang = self.lang
        r = self.r.random()
        if sp.kind == "org":
            return sp.names[lang] if self.ambiguous(sp) else sp.surn[lang]
        if allow_pron and r < .3:
            return PRON[lang][sp.gender]
        if r < .55 and not self.ambiguous(sp):
            role = self.role_short(sp)
            if role:
                return role
        return sp.surn[lang]

    def role_short(self, sp):
        """"the minister", "the analyst", "the ministry" … or None."""
        if sp.kind == "org":
            return sp.surn[self.lang]
        ti, former = self.office(sp)
        if ti is not None and not former:
            return self.w.title_text(ti, self.lang, "short")
        if ti is None and self.lang == "en":
            return DESCS[sp.desc][1]
        return None

    def ambiguous(self, sp):
        """Another speaker named in this article has the same short role."""
        mine = self.role_short(sp)
        return mine is not None and any(
            o is not sp and self.role_short(o) == mine
            for o in self.named_sp.values())

    def mention(self, sp, allow_pron=False):
        if sp.sid not in self.named:
            self.named.add(sp.sid)
            self.named_sp[sp.sid] = sp
            return self.first_mention(sp), "first"
        m = self.short_mention(sp, allow_pron and self.last is sp)
        return m, "short"

    def cue(self, sp, inverted=False):
        if self.lang == "en":
            c = self.r.choice(CUES_EN_INV if inverted else CUES_EN)
            return c.replace("{outlet}", self.o["name"])
        return self.r.choice(CUES_SL[self.lang]) + \
            ENDINGS[self.lang][sp.gender]

    # quotes -----------------------------------------------------------
    def add_quote(self, st, sp, mode, text_sents, sent_ix, translation):
        lang = self.lang
        o, c = self.q
        q = " ".join(text_sents or ())
        r = self.r
        quotes = []   # pieces of quoted text as they appear
        kind = "direct"
        if sp is None:   # anonymous source
            who = r.choice(ANON[lang])
            if lang == "en":
                body = q[:-1] + "," if q.endswith(".") else q
                para = f"{o}{body}{c} {who} told {self.o['name']}."
            else:
                verb = {"uk": "повідомило", "ru": "сообщил"}[lang]
                if lang == "uk" and who.startswith("співрозмовник"):
                    verb = "повідомив"
                body = q[:-1] if q.endswith(".") else q
                para = f"{o}{body}{c}, — {verb} {self.o['name']} {who}."
            quotes.append(q)
            self.paras.append(para)
            self.last = None
            return "direct", quotes, None
        if mode == "indirect":
            kind = "indirect"
            ind = st.indirect(lang, sent_ix, self.w)
            m, how = self.mention(sp, allow_pron=True)
            v = r.random()
            if lang == "en":
                if v < .5:
                    para = f"{upper1(m)} {self.cue(sp)} that {ind}."
                else:
                    if how == "first":
                        para = f"According to {m}, {ind}."
                    else:
                        para = f"According to {m if m not in ('he', 'she') else ('him' if m == 'he' else 'her')}, {ind}."
            else:
                if v < .5 or sp.kind == "org":
                    que = "що" if lang == "uk" else "что"
                    para = f"{upper1(m)} {self.cue(sp)}, {que} {ind}."
                else:
                    acc = "За словами" if lang == "uk" else "По словам"
                    if how == "first" or self.last is not sp:
                        if how == "first":
                            self.named.discard(sp.sid)
                            m, how = self.mention(sp)
                        who = self.genitive_mention(sp, how, m)
                        para = f"{acc} {who}, {ind}."
                    else:
                        pg = PRON_GEN[lang][sp.gender]
                        acc2 = f"За {pg} словами" if lang == "uk" else \
                            f"По {'его' if sp.gender == 'm' else 'её'} словам"
                        para = f"{acc2}, {ind}."
            quotes.append(ind)
            self.paras.append(para)
            self.last = sp
            return kind, quotes, m
        # direct
        m, how = self.mention(sp, allow_pron=True)
        pattern = r.random()
        cue = self.cue(sp, inverted=True)
        if mode == "split" and len(text_sents) >= 2:
            a, b = text_sents[0], " ".join(text_sents[1:])
            para = self.after(a, m, sp, cue) + " " + self.whole(b)
            quotes += [a, b]
        elif mode == "splitcue" and ", " in text_sents[0]:
            s0 = text_sents[0]
            a, b = s0.split(", ", 1)
            rest = " ".join([b] + text_sents[1:])
            if lang == "en":
                para = f"{o}{a},{c} {m} {cue}, {o}{rest}{c}"
            else:
                para = f"{o}{a}, — {self.cue(sp)} {m}, — {rest[:-1] if rest.endswith('.') else rest}{c}."
            quotes += [a, rest]
        elif pattern < .45:
            para = self.after(q, m, sp, cue)
            quotes.append(q)
        elif pattern < .7 or how == "short" and m in PRON[lang].values():
            para = f"{upper1(m)} {self.cue(sp)}: {self.whole(q)}"
            quotes.append(q)
        elif pattern < .85 and lang == "en":
            para = f"{o}{q[:-1] if q.endswith('.') else q}{',' if q.endswith('.') else ''}{c} {cue} {m}."
            quotes.append(q[:-1] if q.endswith(".") else q)
        else:
            # quote opens the paragraph, speaker introduced after it with
            # context (before meeting, in interview ...)
            ctx = r.choice(CONTEXT[lang])
            if lang == "en":
                body = q[:-1] + "," if q.endswith(".") else q
                para = f"{o}{body}{c} {m} {self.cue(sp)} {ctx}."
                quotes.append(q[:-1] if q.endswith(".") else q)
            else:
                body = q[:-1] if q.endswith(".") else q
                para = f"{o}{body}{c}, — {self.cue(sp)} {m} {ctx}."
                quotes.append(body)
        self.paras.append(para)
        self.last = sp
        return kind, quotes, m

    def whole(self, q):
        """A quotation standing alone: the full stop inside the marks in
        English, after them in Ukrainian and Russian."""
        o, c = self.q
        if self.lang == "en" or not q.endswith("."):
            return f"{o}{q}{c}"
        return f"{o}{q[:-1]}{c}."

    def genitive_mention(self, sp, how, m):
        lang = self.lang
        if sp.kind == "org":
            return m
        ti, former = self.office(sp)
        if how == "first":
            if ti is not None:
                t = self.w.title_text(ti, lang, "gen")
                if former:
                    t = ("колишнього " if lang == "uk" else "бывшего ") + t
                return t + " " + self._name_gen(sp)
            return self._name_gen(sp)
        return sp.surn_gen[lang]

    def _name_gen(self, sp):
        lang = self.lang
        first, last = sp.names[lang].split(" ", 1)
        return genitive(first, lang, sp.gender) + " " + sp.surn_gen[lang]

    def after(self, q, m, sp, cue):
        """"Q," NAME said.  /  «Q», — сказав NAME."""
        o, c = self.q
        lang = self.lang
        body = q[:-1] if q.endswith(".") else q
        if lang == "en":
            if q.endswith("."):
                return f"{o}{body},{c} {m} {self.cue(sp)}."
            return f"{o}{q}{c} {m} {self.cue(sp)}."
        if m in PRON[lang].values():
            return f"{o}{body}{c}, — {self.cue(sp)} {m}."
        return f"{o}{body}{c}, — {self.cue(sp)} {m}."


CONTEXT = {"en": ["at a news conference on {wd}", "before the meeting",
                  "in an interview", "after talks with the delegation",
                  "in a televised address"],
           "uk": ["на брифінгу", "перед засіданням", "в інтерв'ю",
                  "після переговорів", "у телезверненні"],
           "ru": ["на брифинге", "перед заседанием", "в интервью",
                  "после переговоров", "в телеобращении"]}


# --------------------------------------------------------------- generator --
class Generator:
    def __init__(self, n, seed, html_share):
        self.n = n
        self.rng = random.Random(seed)
        self.start = dt.date(2024, 1, 1)
        self.days = 730
        self.world = World(self.rng, self.days, html_share)
        ps = self.world.people
        self.p_cum = list(_cumsum(sp.weight for sp in ps))
        self.out_by_lang = {l: [o for o in self.world.outlets if o["lang"] == l]
                            for l in LANGS}
        self.out_cum = list(_cumsum(o["weight"] for o in self.world.outlets))
        self.stid = 0

    def pick_person(self):
        r = self.rng.random() * self.p_cum[-1]
        return self.world.people[bisect.bisect_left(self.p_cum, r)]

    def pick_outlets(self, k):
        got = []
        outs = self.world.outlets
        while len(got) < k:
            r = self.rng.random() * self.out_cum[-1]
            o = outs[bisect.bisect_left(self.out_cum, r)]
            if o not in got:
                got.append(o)
        return got

    def slots(self, story):
        r = self.rng
        return {"pct": r.choice([r.randint(2, 25), round(r.uniform(0.5, 12), 1)]),
                "pct_word": r.random() < .5,
                "amt": r.choice([r.randint(2, 90), round(r.uniform(0.2, 9.9), 1)]),
                "n": r.choice(COUNTS), "sector": r.randrange(len(SECTORS)),
                "month": r.randrange(12),
                "c": r.randrange(len(self.world.countries)),
                "city": story["city"]}

    def make_story(self, sid, day):
        r = self.rng
        kind = r.choice(STORY_KINDS)
        story = {"id": sid, "kind": kind, "day": day,
                 "city": r.randrange(len(self.world.cities)),
                 "c": r.randrange(len(self.world.countries)),
                 "len": r.randint(2, 12)}
        cast = []
        while len(cast) < r.randint(3, 8):
            sp = self.pick_person()
            if sp not in cast:
                cast.append(sp)
        r.shuffle(cast)
        if r.random() < .35:
            cast.insert(r.randrange(1, len(cast) + 1), r.choice(self.world.orgs))
        story["cast"] = cast
        story["pool"] = [i for i, t in enumerate(S)
                         if t[0] is None or kind in t[0]]
        story["own"] = [i for i in story["pool"] if S[i][0] is not None]
        statements = [self.new_statement(story, day + r.randrange(story["len"]))
                      for _ in range(r.randint(3, 12))]
        story["sts"] = statements
        return story, statements

    def new_statement(self, story, d):
        r = self.rng
        cast, pool, own = story["cast"], story["pool"], story["own"]
        sp = cast[min(int(r.expovariate(0.6)), len(cast) - 1)]
        if r.random() < .06:
            sp = None    # anonymous source
        if sp is not None and sp.kind == "org":
            pool = [x for x in pool if x not in SINGULAR]
            own = [x for x in own if x not in SINGULAR]
        ns = r.choice([1, 1, 2, 2, 2, 3, 3, 4])
        # Draw templates from a shuffled deck per story so that statements
        # of one story repeat each other only once the deck is used up.
        deck = story.setdefault("deck", [])
        sents = []
        while len(sents) < ns:
            if not deck:
                deck.extend(r.sample(pool, len(pool)))
            x = deck.pop()
            if x not in sents and x in pool:
                sents.append(x)
        if own and not any(x in own for x in sents):
            sents[0] = r.choice([x for x in own if x not in sents[1:]])
        st = Statement(self.stid, story["id"], sp, d, sents,
                       [self.slots(story) for _ in sents])
        self.stid += 1
        return st

    def plan(self):
        """Stories → statements → reports → articles (outlet, day, reports)."""
        r = self.rng
        articles = []
        sid = 0
        # ~ 7.5 statements × 3.5 reports / 2.2 reports an article ≈ 12
        n_stories = max(1, int(self.n / 17))
        story_days = sorted(r.randrange(self.days - 14) for _ in range(n_stories))
        self.stories = []
        while len(articles) < self.n or sid < len(story_days):
            if sid < len(story_days):
                day = story_days[sid]
            else:
                day = r.randrange(self.days - 14)
            story, sts = self.make_story(sid, day)
            self.stories.append(story)
            sid += 1
            buckets = {}
            for st in sts:
                k = min(8, 1 + int(r.expovariate(0.45)))
                for o in self.pick_outlets(k):
                    d = st.day + min(3, int(r.expovariate(1.2)))
                    key = (o["name"], d)
                    b = buckets.get(key)
                    if b is None or len(b[2]) >= r.randint(2, 4):
                        b = [o, d, []]
                        buckets[(o["name"], d, len(buckets))] = b
                        buckets[key] = b
                    b[2].append(st)
            seen = set()
            for b in buckets.values():
                if id(b) not in seen:
                    seen.add(id(b))
                    articles.append((story, b[0], b[1], b[2]))
        if len(articles) > self.n:
            drop = set(r.sample(range(len(articles)), len(articles) - self.n))
            articles = [a for i, a in enumerate(articles) if i not in drop]
        articles.sort(key=lambda a: a[2])
        # File order follows dates only roughly: shuffle within windows.
        order = list(range(len(articles)))
        for i in range(0, len(order), 40):
            w = order[i:i + 40]
            r.shuffle(w)
            order[i:i + 40] = w
        return [articles[i] for i in order]

    # one article --------------------------------------------------------
    def article(self, story, outlet, day, sts):
        r = self.rng
        lang = outlet["lang"]
        w = Writer(self.world, r, outlet, lang, day)
        cityv = self.world.cities[story["city"]][LANGS.index(lang)]
        truth = []
        reports = []
        # No sentence without numbers twice in one article, and no template
        # more than twice: a statement that would repeat one is left to other
        # outlets.
        used_t = collections.Counter()

        def clash(st):
            return any(used_t[x] >= (1 if x in FIXED else 2) for x in st.sents)

        keep = []
        for st in sts:
            if not keep or not clash(st):
                keep.append(st)
                used_t.update(st.sents)
        sts = keep
        # Exclusive remarks (reported by this outlet only) and an earlier
        # statement of the same story recalled in indirect speech.
        want = r.randint(2, 6)
        tries = 0
        while len(sts) < want and tries < 6:
            tries += 1
            st = self.new_statement(story, day)
            if not clash(st):
                sts.append(st)
                used_t.update(st.sents)
        earlier = [x for x in story["sts"] if x.day < day - 1 and x not in sts
                   and x.speaker is not None
                   and not clash(x)]
        recall = r.choice(earlier) if earlier and r.random() < .4 else None
        if recall:
            sts.append(recall)
        for st in sts:
            sp = st.speaker
            native = "en"
            if sp is not None and sp.kind == "person":
                native = ("en", "en", "uk", "ru")[sp.sid % 4]
            variant = 0 if lang == native else (outlet["datefmt"] + st.stid) % 2
            sents = st.direct(lang, variant, self.world)
            x = r.random()
            if sp is None:
                mode, use, ix = "full", sents, 0
            elif st is recall:
                ix = r.randrange(len(sents))
                mode, use = "indirect", None
            elif x < .35:
                mode, use, ix = "full", sents, 0
            elif x < .55:
                ix = r.randrange(len(sents))
                mode, use = "one", [sents[ix]]
            elif x < .68 and len(sents) >= 2:
                mode, use, ix = "split", sents, 0
            elif x < .8 and ", " in sents[0]:
                mode, use, ix = "splitcue", sents, 0
            else:
                ix = r.randrange(len(sents))
                mode, use = "indirect", None
            reports.append((st, mode, use, ix, variant))
        # Lead: the first report, as indirect speech when it is direct.
        wd = WEEKDAY[lang][(self.start + dt.timedelta(days=day)).weekday()]
        dl = self.dateline(outlet, lang, cityv, day)
        paras_target = r.randint(300, 800)
        filler = self.fillers(story, lang)
        fi = 0
        for k, (st, mode, use, ix, variant) in enumerate(reports):
            sp = st.speaker
            if k > 0 and r.random() < .6 and fi < len(filler):
                w.paras.append(filler[fi])
                fi += 1
                w.last = None
            n0 = len(w.paras)
            kind, pieces, m = w.add_quote(st, sp, mode, use, ix, variant)
            truth.append({"statement": st.stid, "story": story["id"],
                          "speaker": sp.canon if sp else None,
                          "speaker_local": sp.names[lang] if sp else None,
                          "speaker_kind": sp.kind if sp else "anonymous",
                          "mention": m, "kind": kind, "mode": mode,
                          "translation": variant,
                          "sentences": [st.sents[ix]] if mode in ("one", "indirect")
                          else list(st.sents),
                          "pieces": pieces, "para": n0})
        # CONTEXT slot for weekday
        w.paras = [p.replace("{wd}", wd) for p in w.paras]
        words = sum(len(p.split()) for p in w.paras)
        while words < paras_target and fi < len(filler):
            p = filler[fi]
            fi += 1
            if r.random() < .5 and fi < len(filler):
                p += " " + filler[fi]
                fi += 1
            w.paras.append(p)
            words += len(p.split())
        if dl:
            w.paras[0] = dl + w.paras[0]
        head = self.headline(story, sts, lang, w)
        return head, w.paras, truth

    def fillers(self, story, lang):
        """Background sentences in random order, each template once."""
        r = self.rng
        pool = FILL[lang][story["kind"]] + FILL[lang][None]
        picks = r.sample(pool, len(pool))
        out = []
        for s in picks:
            vals = render_slots(self.slots(story), lang, self.world)
            out.append(s.format(**vals))
        return out

    def dateline(self, outlet, lang, city, day):
        d = self.start + dt.timedelta(days=day)
        style = outlet["dateline"]
        if style == 0:
            return ""
        if lang == "en":
            if style == 1:
                return f"{city.upper()}, {MONTHS_EN[d.month - 1][:3]} {d.day} ({outlet['name']}) – "
            return f"{city} • {outlet['name']} – "
        mon = (MONTHS_UK_GEN if lang == "uk" else MONTHS_RU_GEN)[d.month - 1]
        return f"{city}, {d.day} {mon} — "

    def headline(self, story, sts, lang, w):
        r = self.rng
        li = LANGS.index(lang)
        sl = render_slots(self.slots(story) | {"c": story["c"]}, lang, self.world)
        base = STORY_HEAD[story["kind"]][li].format(**sl)
        st = sts[0]
        sp = st.speaker
        if sp is None or r.random() < .3:
            extra = {"en": ["what is known so far", "latest", "day {n}",
                            "the main points"],
                     "uk": ["що відомо", "головне", "день {n}"],
                     "ru": ["что известно", "главное", "день {n}"]}[lang]
            return base + ": " + r.choice(extra).format(n=r.randint(2, 9))
        ind = st.indirect(lang, 0, self.world)
        name = sp.surn[lang] if sp.kind == "person" else sp.names[lang]
        if lang == "en":
            return f"{upper1(ind)}, {name} says" if r.random() < .5 \
                else f"{base}: {upper1(name)} says {ind}"
        return f"{upper1(name)}: {ind}" if sp.kind == "person" else \
            f"{base}: {ind}"

    # output -------------------------------------------------------------
    def date_line(self, outlet, d, hh, mm):
        lang = outlet["lang"]
        f = outlet["datefmt"]
        if lang == "en":
            if f == 0:
                h12 = hh % 12 or 12
                return f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year} {h12}:{mm:02d} {'AM' if hh < 12 else 'PM'}"
            if f == 1:
                return f"{d.strftime('%A')}, {d.day} {MONTHS_EN[d.month - 1]} {d.year}, {hh:02d}:{mm:02d}"
            if f == 2:
                return f" date {d.isoformat()}"
            return f"Published: {d.isoformat()} {hh:02d}:{mm:02d}"
        mon = (MONTHS_UK_GEN if lang == "uk" else MONTHS_RU_GEN)[d.month - 1]
        if f == 0:
            return f"{d.day:02d}.{d.month:02d}.{d.year} {hh:02d}:{mm:02d}"
        if f == 1:
            return f"{d.day} {mon} {d.year}{' г.' if lang == 'ru' else ''}, {hh:02d}:{mm:02d}"
        if f == 2:
            return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}, {hh:02d}:{mm:02d}"
        return f"{d.day:02d}.{d.month:02d}.{d.year} {hh:02d}:{mm:02d}"

    def text_page(self, outlet, head, paras, d, hh, mm, author, heads):
        r = self.rng
        lang = outlet["lang"]
        deb = DEBRIS[lang]
        n = r.randint(3, 3000)
        fill = lambda s: s.format(head=r.choice(heads), n=n, year=d.year,
                                  outlet=outlet["name"])
        out = []
        if outlet["dateline"] != 2 or lang != "en":
            out += outlet["nav"][:r.randint(2, 5)] + [outlet["name"]]
        out.append("")
        out.append(head)
        out.append("")
        by = {"en": "By ", "uk": "Автор: ", "ru": "Автор: "}[lang]
        if outlet["datefmt"] == 2 and lang == "en":
            out.insert(0, self.date_line(outlet, d, hh, mm))
        else:
            out.append(self.date_line(outlet, d, hh, mm))
        if r.random() < .6:
            out.append(by + author)
        if r.random() < .5:
            out.append(fill(r.choice(deb["share"])))
        out.append("")
        for i, p in enumerate(paras):
            out.append(p)
            out.append("")
            if i in (2, 5) and r.random() < .5:
                out.append(fill(r.choice(deb["mid"])))
                out.append("")
        for s in deb["foot"][:r.randint(3, len(deb["foot"]))]:
            out.append(fill(s))
        return "\n".join(out) + "\n"

    def html_page(self, outlet, head, paras, d, hh, mm, author, heads):
        r = self.rng
        lang = outlet["lang"]
        deb = DEBRIS[lang]
        e = html.escape
        iso = f"{d.isoformat()}T{hh:02d}:{mm:02d}:00+02:00"
        nav = "".join(f'<li><a href="/{i}">{e(x)}</a></li>'
                      for i, x in enumerate(outlet["nav"]))
        site = outlet["name"]
        rel = "".join(f'<li><a href="/news/{r.randrange(10**6)}">{e(h)}</a></li>'
                      for h in r.sample(heads, min(3, len(heads))))
        body = []
        for i, p in enumerate(paras):
            body.append(f"<p>{e(p)}</p>")
            if i == 2:
                body.append(f'<div class="ad">{e(deb["mid"][0])}</div>')
        by = {"en": "By", "uk": "Автор:", "ru": "Автор:"}[lang]
        return (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{e(head)} | {e(site)}</title>\n"
            f'<meta property="og:title" content="{e(head, True)}">\n'
            f'<meta property="og:site_name" content="{e(site, True)}">\n'
            f'<meta property="og:type" content="article">\n'
            f'<meta property="article:published_time" content="{iso}">\n'
            f'<meta name="author" content="{e(author, True)}">\n'
            f'<link rel="stylesheet" href="/static/site.css">\n</head>\n<body>\n'
            f'<header class="site-header"><a class="logo" href="/">{e(site)}</a>\n'
            f'<nav class="menu"><ul>{nav}</ul></nav></header>\n'
            f'<main><article class="post">\n<h1 class="post-title">{e(head)}</h1>\n'
            f'<div class="meta"><span class="byline">{by} <a href="/author/{r.randrange(999)}">{e(author)}</a></span> '
            f'<time datetime="{iso}">{e(self.date_line(outlet, d, hh, mm).replace(" date ", ""))}</time></div>\n'
            f'<div class="post-body">\n' + "\n".join(body) + "\n</div>\n"
            f'<div class="share">{e(deb["share"][0])} <a href="#">Facebook</a> <a href="#">Telegram</a></div>\n'
            f'</article>\n<aside class="related"><h3>{e(deb["foot"][0])}</h3><ul>{rel}</ul></aside></main>\n'
            f'<footer><p>{e(deb["foot"][4 if lang != "ru" else 4].format(year=d.year, outlet=site, head="", n=0))}</p>'
            f'<p><a href="/privacy">Privacy</a> · <a href="/contact">Contact</a></p></footer>\n'
            f"</body>\n</html>\n")

    def run(self, outdir):
        t0 = _now()
        arts = self.plan()
        r = self.rng
        os.makedirs(outdir, exist_ok=True)
        heads = {l: [] for l in LANGS}
        truth_f = open(os.path.join(outdir, "truth.jsonl"), "w", encoding="utf-8")
        nbytes = 0
        made_dirs = set()
        for i, (story, outlet, day, sts) in enumerate(arts):
            lang = outlet["lang"]
            head, paras, truth = self.article(story, outlet, day, sts)
            d = self.start + dt.timedelta(days=day)
            hh, mm = r.randint(6, 22), r.randrange(60)
            author = r.choice(outlet["authors"])
            hl = heads[lang]
            if len(hl) < 8:
                hl.append(head)
            else:
                hl[r.randrange(8)] = head
            ext = "html" if outlet["html"] else "txt"
            sub = "%03d" % (i // 1000)
            if sub not in made_dirs:
                os.makedirs(os.path.join(outdir, sub), exist_ok=True)
                made_dirs.add(sub)
            rel = f"{sub}/{i:06d}.{ext}"
            page = (self.html_page if ext == "html" else self.text_page)(
                outlet, head, paras, d, hh, mm, author, hl)
            data = page.encode("utf-8")
            nbytes += len(data)
            with open(os.path.join(outdir, rel), "wb") as f:
                f.write(data)
            rec = {"file": rel, "outlet": outlet["name"], "language": lang,
                   "date": d.isoformat(), "title": head, "story": story["id"],
                   "story_kind": story["kind"], "format": ext,
                   "quotes": truth}
            truth_f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        truth_f.close()
        return len(arts), nbytes, _now() - t0


def _cumsum(xs):
    t = 0.0
    for x in xs:
        t += x
        yield t


def _now():
    import time
    return time.monotonic()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--html-share", type=float, default=0.25,
                    help="share of outlets (so roughly of articles) that "
                         "publish HTML pages (default 0.25)")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be positive")
    g = Generator(a.n, a.seed, a.html_share)
    n, nbytes, secs = g.run(a.outdir)
    if not a.quiet:
        print(f"{n} articles, {nbytes / 1e6:.1f} MB, {secs:.1f} s "
              f"({n / max(secs, 1e-9):.0f} articles/s) in {a.outdir}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
