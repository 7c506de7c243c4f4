"""Plausible people: local first names and surnames, E.164 mobile numbers, collaborator functions.

Numbers follow each country's mobile numbering plan (length and mobile prefixes) so that phone-number
detectors see real-looking MSISDNs; they are random, not taken from any list.
"""

import numpy as np

from fieldvoice.contract import COUNTRIES

_W = str.split  # names are stored as space-separated strings, one list per line; "_" stands for a space

# country -> (male first names, female first names, surnames)
NAMES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "TN": (
        _W("Mohamed Ahmed Ali Youssef Amine Hamza Sami Karim Walid Hichem Mehdi Bilel Anis Nabil Slim Hatem"),
        _W("Fatma Amira Salma Ines Rim Sonia Mariem Nour Emna Olfa Sarra Houda Khadija Asma Wafa"),
        _W(
            "Trabelsi Ben_Ali Jebali Gharbi Ayari Hammami Mejri Chaabane Ben_Salah Khelifi Dridi Zouari "
            "Masmoudi Sassi Bouzid Ferchichi Jlassi Mansouri Ben_Amor Chebbi"
        ),
    ),
    "MA": (
        _W("Mohamed Youssef Hamza Amine Omar Reda Anas Hassan Rachid Mustapha Abdelilah Said Khalid Yassine"),
        _W("Fatima Khadija Salma Hajar Imane Zineb Meryem Sanae Nadia Siham Asmae Latifa Houda"),
        _W(
            "El_Idrissi Benjelloun Alaoui Bennani Tazi El_Amrani Ouali Chraibi Berrada Lahlou El_Fassi "
            "Benali Ait_Ouahmane Zerouali Naciri Bouzidi Kettani Ait_Baha"
        ),
    ),
    "EG": (
        _W("Mohamed Ahmed Mahmoud Mostafa Omar Youssef Karim Tarek Hany Amr Islam Sherif Ibrahim Hossam"),
        _W("Fatma Mona Nour Yasmin Aya Salma Mariam Heba Rania Dina Eman Shaimaa Nada"),
        _W(
            "Hassan Ibrahim Abdel_Rahman El_Sayed Mahmoud Mostafa Fathy Saleh Ali Gamal Farouk Shehata "
            "Abdel_Aziz Khalil Mansour Soliman Hegazy Ragab"
        ),
    ),
    "JO": (
        _W("Mohammad Ahmad Omar Khaled Yazan Laith Zaid Hamzeh Faisal Tareq Odai Anas Mahmoud"),
        _W("Rania Lina Dana Haya Sara Rawan Aya Noor Tala Leen Farah Hala"),
        _W(
            "Al-Khatib Haddad Al-Masri Nasser Al-Zoubi Obeidat Al-Momani Khalaf Al-Shami Qasem "
            "Al-Rawashdeh Hijazi Al-Tamimi Abu_Zaid Bani_Hani Al-Omari"
        ),
    ),
    "SN": (
        _W("Moussa Mamadou Cheikh Abdoulaye Ousmane Ibrahima Modou Pape Serigne Babacar Aliou Lamine Malick"),
        _W("Awa Fatou Aminata Khady Mariama Ndeye Aissatou Coumba Astou Bineta Seynabou Rokhaya Adama"),
        _W("Ndiaye Diop Fall Sow Sy Gueye Ba Diallo Faye Sarr Mbaye Cissé Thiam Ndour Seck Kane Diouf Niang Sène"),
    ),
    "CI": (
        _W("Koffi Kouassi Yao Konan Kouamé Didier Serge Arsène Ange Franck Jean-Claude Brice Ismaël Aboubacar"),
        _W("Aya Affoué Akissi Adjoua Amenan Marie-Laure Christelle Nadège Mariam Fanta Ahou Estelle"),
        _W(
            "Kouadio Koné Yao Traoré Ouattara Coulibaly Konan N'Guessan Kouassi Bamba Touré Aka Diabaté "
            "Yapi Brou Tanoh Assi Gnagne Zadi Kacou"
        ),
    ),
    "CM": (
        _W("Jean Paul Emmanuel Serge Martin Boris Hervé Aristide Samuel Roger Eric Alain Joseph Ibrahim"),
        _W("Marie Brigitte Grace Carine Solange Yvonne Esther Sandrine Pauline Hadiza Christelle Blandine"),
        _W(
            "Nkoulou Mbarga Fotso Tchakounte Nguema Ndongo Atangana Kamga Tamba Ngono Essomba Djoumessi "
            "Abega Mbida Nana Onana Owona Talla Hamadou Njoya"
        ),
    ),
    "ML": (
        _W("Moussa Mamadou Seydou Boubacar Adama Bakary Issa Oumar Souleymane Modibo Drissa Yacouba Sékou"),
        _W("Aminata Fatoumata Kadiatou Mariam Oumou Assétou Rokia Djeneba Awa Salimata Kadidia Hawa"),
        _W(
            "Traoré Keïta Coulibaly Diarra Koné Sangaré Sissoko Dembélé Touré Maïga Cissé Diallo Konaté "
            "Sidibé Doumbia Kanté Samaké Bagayoko"
        ),
    ),
    "BF": (
        _W("Issouf Boukary Salif Adama Abdoul Hamidou Seydou Inoussa Rasmané Karim Ousmane Aristide Wendkouni"),
        _W("Aminata Alimata Salamata Mariam Awa Rasmata Fatimata Habibou Bibata Pauline Wendyam Safiatou"),
        _W(
            "Ouédraogo Sawadogo Compaoré Kaboré Zongo Ilboudo Traoré Kiemde Zoungrana Nikiéma Ouattara "
            "Sanou Yaméogo Bationo Tapsoba Kinda Bamogo Belem"
        ),
    ),
    "GN": (
        _W("Mamadou Alpha Ibrahima Sékou Mohamed Ousmane Amadou Lansana Thierno Abdoulaye Boubacar Fodé"),
        _W("Mariama Fatoumata Aissatou Kadiatou Hawa Djénabou M'Mah Aminata Oumou Fanta Ramatoulaye Binta"),
        _W(
            "Diallo Barry Bah Camara Sylla Soumah Condé Keïta Touré Cissé Sow Kourouma Bangoura Kaba "
            "Traoré Kamano Fofana Konaté"
        ),
    ),
    "CD": (
        _W("Jean-Pierre Patrick Christian Trésor Fiston Héritier Junior Glody Blaise Jonathan Dieudonné Papy"),
        _W("Grâce Merveille Esther Sarah Nathalie Rachel Divine Chantal Mamie Ruth Gloire Bénédicte Anny"),
        _W(
            "Mbuyi Tshibangu Ilunga Mukendi Kalala Ngoy Kasongo Mutombo Lukusa Banza Kabamba Kanku Nsimba "
            "Makiese Lumbala Mwamba Kayembe Mbala Ntumba"
        ),
    ),
    "MG": (
        _W("Hery Rivo Tojo Andry Nirina Tahina Mamy Haja Rado Faly Jean Toky Tiana"),
        _W("Voahangy Lalao Fanja Hanitra Noro Volana Miora Vola Sahondra Bodo Nomena Onja"),
        _W(
            "Rakoto Rasoa Randria Rabe Rakotomalala Andrianarivo Razafindrakoto Rasolofo Ramanantsoa "
            "Rakotondrabe Ratsimba Rasoanaivo Andriamanana Raharison Razanajatovo Rafalimanana"
        ),
    ),
    "BW": (
        _W("Kabelo Thabo Tebogo Oratile Kagiso Mpho Lesego Onkemetse Tshepo Kgosi Neo Gaone"),
        _W("Neo Masego Boitumelo Kelebogile Lorato Naledi Onalenna Refilwe Tshegofatso Goitseone Keabetswe"),
        _W(
            "Molefe Mogapi Mosweu Tau Motsumi Kebonang Modise Moremi Sebego Gaolathe Mothibi Ntshole "
            "Phiri Sekgoma Tshekiso Dintwa Letsholo"
        ),
    ),
    "LR": (
        _W("James Joseph Emmanuel Samuel Prince Moses Varney Momo Sekou Abraham George Alfred Augustine"),
        _W("Mary Comfort Martha Esther Patience Hawa Oretha Musu Bendu Korto Janet Blessing Felicia"),
        _W(
            "Kollie Johnson Kpoto Doe Flomo Sackie Toe Wesseh Kamara Cooper Dolo Gbarpor Tarr Nyenpan "
            "Barclay Kpangbai Zinnah Freeman Massaquoi Sumo"
        ),
    ),
    "SL": (
        _W("Mohamed Ibrahim Alhaji Abu Foday Sorie Santigie Joseph Emmanuel Osman Alusine Musa Sahr Tamba"),
        _W("Fatmata Isatu Aminata Mariama Hawa Kadiatu Adama Zainab Christiana Mabinty Jeneba Ramatu"),
        _W(
            "Kamara Sesay Conteh Bangura Koroma Turay Kargbo Mansaray Jalloh Kanu Fofanah Sankoh Bah "
            "Barrie Kallon Lahai Samura"
        ),
    ),
    "GW": (
        _W("João António Braima Mamadu Armando Carlos Fernando Sadjo Aladje Domingos Iaia Malam Bubacar"),
        _W("Maria Fatumata Aissatu Ana Adelaide Mariama Cadi Isabel Binta Nanci Domingas Teresa"),
        _W(
            "Gomes Mendes Sanhá Embaló Baldé Djaló Có Nhaga Cá Sambu Indjai Monteiro da_Silva Pereira Té "
            "Vieira Cassamá Mané Biai Fernandes"
        ),
    ),
    "CF": (
        _W("Jean-Baptiste Thierry Firmin Blaise Rodrigue Hervé Fidèle Parfait Ghislain Abdou Moussa Serge"),
        _W("Marie-Claire Odette Clarisse Brigitte Sylvie Prisca Nadia Edith Ginette Josiane Arlette Rosine"),
        _W(
            "Ngaba Yangba Namsio Gbazi Kongbo Zanga Dondra Ndakala Sambia Yakité Ngouandji Mbailao "
            "Feizouré Mandaba Gouandja Kolingba"
        ),
    ),
}

# country -> (national significant number length, mobile prefixes, national trunk prefix as dialled locally)
NUMBERING: dict[str, tuple[int, tuple[str, ...], str]] = {
    "TN": (8, ("20", "22", "23", "24", "25", "29", "50", "52", "53", "54", "55", "56", "58", "92", "97", "98"), ""),
    "MA": (9, ("61", "62", "64", "65", "66", "67", "68", "70", "71", "77"), "0"),
    "EG": (10, ("10", "11", "12", "15"), "0"),
    "JO": (9, ("77", "78", "79"), "0"),
    "SN": (9, ("77", "78", "76", "70", "75"), ""),
    "CI": (10, ("07", "05", "01"), ""),
    "CM": (9, ("69", "65", "67", "68", "62"), ""),
    "ML": (8, ("70", "71", "74", "76", "77", "79", "90", "91", "93", "94", "98"), ""),
    "BF": (8, ("05", "06", "07", "54", "55", "56", "57", "64", "65", "74", "75", "76", "77"), ""),
    "GN": (9, ("620", "621", "622", "623", "624", "625", "626", "627", "628", "610", "611", "655", "657"), ""),
    "CD": (9, ("80", "81", "82", "84", "85", "89", "97", "99"), "0"),
    "MG": (9, ("32", "33", "34", "38"), "0"),
    "BW": (8, ("71", "72", "73", "74", "75", "76", "77"), ""),
    "LR": (9, ("77", "88"), "0"),
    "SL": (8, ("30", "33", "72", "76", "77", "78", "79", "88", "99"), "0"),
    "GW": (9, ("955", "956", "966", "969"), ""),
    "CF": (8, ("70", "72", "75", "77"), ""),
}

# Collaborator functions, with their share of the workforce doing interviews (everyone goes to the field).
FUNCTIONS: dict[str, float] = {
    "executive": 0.01,
    "management": 0.06,
    "sales": 0.24,
    "technician": 0.21,
    "customer_care": 0.19,
    "finance": 0.05,
    "hr": 0.04,
    "it": 0.08,
    "marketing": 0.06,
    "legal": 0.01,
    "supply_chain": 0.03,
    "regulatory": 0.02,
}

# Surname-first upper-case ("NDIAYE Awa") is how francophone administrations write names.
_SURNAME_FIRST = {"SN", "CI", "ML", "BF", "GN", "CD", "CF", "CM", "MG"}


def person_names(cc: str, n: int, rng: np.random.Generator) -> list[str]:
    males, females, surnames = NAMES[cc]
    female = rng.random(n) < 0.5
    firsts = np.where(female, rng.integers(0, len(females), n), rng.integers(0, len(males), n))
    lasts = rng.integers(0, len(surnames), n)
    styles = rng.random(n)
    out = []
    for i in range(n):
        first = (females if female[i] else males)[firsts[i]]
        last = surnames[lasts[i]].replace("_", " ")
        if cc in _SURNAME_FIRST and styles[i] < 0.15:
            out.append(f"{last.upper()} {first}")
        else:
            out.append(f"{first} {last}")
    return out


def national_numbers(cc: str, n: int, rng: np.random.Generator) -> list[str]:
    """National significant numbers (no country code, no trunk prefix) on the country's mobile ranges."""
    length, prefixes, _ = NUMBERING[cc]
    picks = rng.integers(0, len(prefixes), n)
    digits = rng.integers(0, 10, (n, length))
    out = []
    for i in range(n):
        prefix = prefixes[picks[i]]
        out.append(prefix + "".join(map(str, digits[i, len(prefix) :])))
    return out


def e164(cc: str, nsn: str) -> str:
    return f"+{COUNTRIES[cc].dial_code}{nsn}"


def typed_phone(cc: str, nsn: str, style: int) -> str:
    """The ways people type a phone number into free text (used by the PII-in-text defect)."""
    dial = COUNTRIES[cc].dial_code
    trunk = NUMBERING[cc][2]
    groups = [nsn[:2], nsn[2:5], *(nsn[i : i + 2] for i in range(5, len(nsn), 2))]
    if len(groups[-1]) == 1:  # "77 123 45 67", "98 123 456": no lone trailing digit
        groups[-2:] = [groups[-2] + groups[-1]]
    pairs = " ".join(groups)
    if style == 0:
        return f"+{dial} {pairs}"
    if style == 1:
        return f"{trunk}{nsn}"
    if style == 2:
        return f"00{dial}-{nsn[:2]}-{nsn[2:5]}-{nsn[5:]}"
    if style == 3:
        return f"({dial}) {nsn}"
    return f"{trunk}{pairs}"


def email_for(name: str, u: float) -> str:
    ascii_name = name.lower().translate(str.maketrans("éèëêïîôöüûçñáíóúàâ' ", "eeeeiioouucnaiouaa.."))
    parts = [p for p in ascii_name.replace("-", ".").split(".") if p]
    domain = ("gmail.com", "yahoo.fr", "hotmail.com", "outlook.com", "yahoo.com")[int(u * 5)]
    user = ".".join(parts) if u < 0.6 else f"{parts[0][:1]}{parts[-1]}{int(u * 97) + 1}"
    return f"{user}@{domain}"
