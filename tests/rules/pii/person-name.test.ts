import rule from "../../../rules/pii/person-name.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "self-introduction words before ordinary words", code: "buongiorno, sono stanco oggi. ich bin froh, je suis la. hoi, met de fiets\n" },
    { name: "a template's name slots and a list of countries", code: "PT: LASTNAME, FIRSTNAME     MRN ########    DOB: MM/DD/YYYY\nSupported: USA, Canada | 2024\n" },
    { name: "the assistant's persona named by the prompt, as a speaker label", code: "You are Ava Sinclair, the hotel's concierge.\n\nGuest: who designed the lobby?\nAva: The studio did, in 2019.\n" },
    { name: "a reply word the name lists know as a given name", filename: "chat.jsonl", code: "{\"messages\": [{\"role\": \"assistant\", \"content\": \"¡Hola! Claro, ¿me confirma la fecha?\"}]}\n" },
    { name: "a short YAML name that is not under a person key is not read", filename: "agents.yaml", code: "agent:\n  name: Ana Pereira\n  phone_tool: enabled\n" },
    { name: "a relation word before a company or an ordinary word", code: "Our partner Stripe handles payments. The mother Board is faulty.\n" },
    { name: "a title-case heading over a number line", filename: "readme.md", code: "## Getting Started\nVisual Studio\n1234567 downloads\n" },
    { name: "chat shorthand after call me", code: "> I was charged twice!! Pls call me asap\n" },
    { name: "product and assistant names", code: "You are Claude. Use Tailwind CSS, React Router and Visual Studio Code.\n" },
    { name: "placeholder names", code: "User: Hi, I'm Jane Doe and my friend is John Doe.\n" },
    { name: "public figures as a topic", code: "User: Write a song in the style of Addison Rae, like Taylor Swift would.\n" },
    { name: "template placeholders", code: "Name: {{customer_name}}\nDear [NAME],\n" },
    { name: "names in system prose without a cue", code: "Summaries should read like Oliver Sacks wrote them.\n" },
    { name: "YAML keys", code: "---\nname: Azure Policy Analyzer\n---\nAnalyze policies.\n" },
    { name: "streets, places and companies named after people", filename: "chat.jsonl", code: "{\"messages\": [{\"role\": \"user\", \"content\": \"I work at Morgan Stanley near Kent Street and Walter Road, then fly to Port Edward.\"}]}\n" },
    { name: "an assistant persona and a prompt's author", code: "You are a friendly coach named Alex.\nAuthor: Scott M\n" },
    { name: "a list of words and a title-case heading", code: "- Unique\n- Brand\n\n## Object Pascal Best Practices\n" },
    { name: "a table cell under a place column", code: "| Name | Age | City |\n|-|-|-|\n| Jane | 30 | Los Angeles |\n" },
    { name: "a table cell without a header and without a known surname", code: "| Dev Containers | `devcontainers` |\n" },
    { name: "a persona's version after a title", code: "# Home Edition – Mr. Data Mode v2.0\n" },
    { name: "an author line and author credits in front matter", code: "---\nauthors:\n  - Seth Juarez\nmetadata:\n  author: Tom Meschter (tom@example.com)\n---\nAuthor: Rick Kotlarz, @rick\n" },
    { name: "names listed after a topic cue", code: "Review it as if you were Brian Kernighan and Dennis Ritchie. Proton was founded in 2014 by Andy Yen, Wei Sun and Jason Stockman.\n" },
    { name: "a name in an appositive or a style pairing", code: "Follow Mads Torgersen, the lead designer of C#. Shot like Wes Anderson × Stanley Kubrick.\n" },
    { name: "a firm of three surnames and a street corner", filename: "chat.jsonl", code: "{\"messages\": [{\"role\": \"user\", \"content\": \"It was recorded for Thomas, Holt and Myers. Please return to Eloise and 226 Thomas Avenue.\"}]}\n" },
    { name: "a town after an address and a corner of two streets", filename: "chat.jsonl", code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Ship to 10 Travessa Esmeraldo Neto 1620 Apt. 199, Mata Mourisca. Or return to Lauren and Sorlaskeid 32 in case of an issue.\"}]}\n" },
    { name: "an organisation and a district named like people", filename: "chat.jsonl", code: "{\"messages\": [{\"role\": \"user\", \"content\": \"It later became Wolfram Research. The club was in Cite Bain Maure Ben Azouz.\"}]}\n" },
    { name: "a placeholder surname alone in a form field", code: "---\nsample:\n  lastName: Doe\n---\nHello\n" },
    { name: "questions for names of things and a thing's name", code: "Find the function name? class toggle? Then check the project's name is Falcon.\n" },
    { name: "a shop named after its owner", filename: "chat.jsonl", code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Lorenzo's Pizzeria on Elm St opens at 9.\"}]}\n" },
    { name: "slash pairs that are not booking names, a place in a quotation", code: "Update VCL/FMX controls and AND/OR MR flags. Say \"Thanks, San Francisco!\"\n" },
    { name: "a role before title-case words that are not a name", code: "Ask the user Stream Flurry about the owner Oracle Mode.\n" },
    { name: "a product after a hand-off verb and a first name with an unknown word", code: "Ask Claude Opus for a plan. Use Grace Hopper as the theme.\n" },
  ],
  invalid: [
    {
      name: "a hyphenated given name whose second part is also an everyday word",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi, I'm Pieter-Jan, the new tenant.\"}]}\n",
      errors: [{ messageId: "found", line: 1, column: 52, endLine: 1, endColumn: 62 }],
    },
    {
      name: "a business the document names, as a chat export's speaker label, beside a customer",
      filename: "export.txt",
      code: "The shop account is \"Velo Gent\".\n[04/03/2024, 09:14:55] Koen De Smet: is de bakfiets klaar?\n[04/03/2024, 09:15:40] Velo Gent: woensdag klaar\n[04/03/2024, 09:16:30] Velo Gent: Dag Koen, tot dan\n",
      errors: [
        { messageId: "found", line: 2, column: 24, endLine: 2, endColumn: 36 },
        { messageId: "found", line: 4, column: 39, endLine: 4, endColumn: 43 },
      ],
    },
    {
      name: "a greeting word before a name is not part of it (Spanish, Dutch)",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"assistant\", \"content\": \"Hola Maria, claro. Dag Annelies, tot morgen! Hoi Sanne!\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 54, endLine: 1, endColumn: 59 },
        { messageId: "found", line: 1, column: 72, endLine: 1, endColumn: 80 },
        { messageId: "found", line: 1, column: 98, endLine: 1, endColumn: 103 },
      ],
    },
    {
      name: "a lower-case name after a clause-opening self-introduction (Italian, Portuguese, Dutch phone answer)",
      code: "buongiorno, sono giuseppina d'alessandro, devo ritirare la ricetta\noi, aqui é o joão pedro. hoi, met sanne, kan het?\n",
      errors: [
        { messageId: "found", line: 1, column: 18, endLine: 1, endColumn: 41 },
        { messageId: "found", line: 2, column: 14, endLine: 2, endColumn: 24 },
        { messageId: "found", line: 2, column: 35, endLine: 2, endColumn: 40 },
      ],
    },
    {
      name: "a lower-case particle inside a name typed after a strong cue",
      code: "my name is bram ter haar, thanks\n",
      errors: [{ messageId: "found", line: 1, column: 12, endLine: 1, endColumn: 25 }],
    },
    {
      name: "a relative named after a Spanish possessive and relation",
      code: "- 17/05: el cliente paga el viernes; su esposa Catalina confirmó.\n",
      errors: [{ messageId: "found", line: 1, column: 48, endLine: 1, endColumn: 56 }],
    },
    {
      name: "a surname field whose value starts with a particle",
      filename: "contacts.yaml",
      code: "contacts:\n  - nachname: von Hohenstein-Walther\n",
      errors: [{ messageId: "found", line: 2, column: 19, endLine: 2, endColumn: 37 }],
    },
    {
      name: "a surname-first record in capitals with a record number and a birth date",
      code: "PT: MBEKI-SANTOS, LUCIA F        MRN 00482913    DOB: 02/17/1951\n",
      errors: [{ messageId: "found", line: 1, column: 5, endLine: 1, endColumn: 26 }],
    },
    {
      name: "a surname-first record with a Mc surname before a birth date",
      code: "row 2: McKenna, Ruairí | b. 11/22/1969 | home on file\n",
      errors: [{ messageId: "found", line: 1, column: 8, endLine: 1, endColumn: 23 }],
    },
    {
      name: "clinical shorthand before a name, its birth date in brackets after it",
      code: "## Bay 2\n- Pt Ewan McCrindle (b. 12.03.1958), NOK daughter on the ward\n",
      errors: [{ messageId: "found", line: 2, column: 6, endLine: 2, endColumn: 20 }],
    },
    {
      name: "multilingual given-name and surname fields of a contact export",
      filename: "contacts.yaml",
      code: "contacts:\n  - vorname: Friederike\n    nachname: Oberhuber\n",
      errors: [{ messageId: "found", line: 2, column: 14, endLine: 2, endColumn: 24 }, { messageId: "found", line: 3, column: 15, endLine: 3, endColumn: 24 }],
    },
    {
      name: "a lower-case name after a Polish \"my name is\"",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"dzień dobry, mam na imię małgorzata. Rower na ul. Długa 5.\"}]}\n",
      errors: [{ messageId: "found", line: 1, column: 69, endLine: 1, endColumn: 79 }],
    },
    {
      name: "a full name with particles under a Spanish client column",
      code: "| Folio | Cliente |\n|---|---|\n| CR-1 | Ximena Ávila de la Garza |\n",
      errors: [{ messageId: "found", line: 3, column: 10, endLine: 3, endColumn: 34 }],
    },
    {
      name: "a name after a role and a copula, with a Mc surname",
      code: "The hiring manager is Gráinne McNulty.\n",
      errors: [{ messageId: "found", line: 1, column: 23, endLine: 1, endColumn: 38 }],
    },
    {
      name: "a known given name with a Mc surname",
      code: "Reported to Declan McAllister at Kerrygold.\n",
      errors: [{ messageId: "found", line: 1, column: 13, endLine: 1, endColumn: 30 }],
    },
    {
      name: "a surname after a title that follows a word of thanks",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"assistant\", \"content\": \"Merci Madame Le Gall. Pouvez-vous confirmer ?\"}]}\n",
      errors: [{ messageId: "found", line: 1, column: 62, endLine: 1, endColumn: 69 }],
    },
    {
      name: "a Latin-American professional title before a name with particles",
      code: "Su aval es su tío, Lic. Rogelio de la Garza Treviño, tel. 81 8347 2290.\n",
      errors: [{ messageId: "found", line: 1, column: 25, endLine: 1, endColumn: 52 }],
    },
    {
      name: "a speaker label after a chat export's date and time",
      filename: "export.txt",
      code: "[04/03/2024, 13:37:01] Élodie Nkemba-Vandewalle: bonjour\n[04/03/2024, 13:40:12] Shop: à demain\n",
      errors: [{ messageId: "found", line: 1, column: 24, endLine: 1, endColumn: 48 }],
    },
    {
      name: "a name line over an address line and a phone line",
      code: "CV header:\n\nSiobhán O'Brien-Kavanagh\nApt 4B, The Maltings, Bow Street\n087 214 6631\n",
      errors: [{ messageId: "found", line: 3, column: 1, endLine: 3, endColumn: 25 }],
    },
    {
      name: "a full name followed by its date of birth",
      code: "Candidate: see below.\n\nAnil Oyelaran, born 1986-04-30, applied in May.\n",
      errors: [{ messageId: "found", line: 3, column: 1, endLine: 3, endColumn: 14 }],
    },
    {
      name: "a full name followed by a phone number",
      code: "Next of kin: please call Koen De Smet 0478 21 93 66 after six.\n",
      errors: [{ messageId: "found", line: 1, column: 26, endLine: 1, endColumn: 38 }],
    },
    {
      name: "a short YAML name under a person key",
      filename: "records.yaml",
      code: "records:\n  - customer:\n      name: Ana Pereira\n",
      errors: [{ messageId: "found", line: 3, column: 13, endLine: 3, endColumn: 24 }],
    },
    {
      name: "name's, an O' surname at a sentence end, and a signature with a trailing initial",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Her name's Saoirse O'Callaghan.\\nBest,\\nTomasz W.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 55, endLine: 1, endColumn: 74 },
        { messageId: "found", line: 1, column: 84, endLine: 1, endColumn: 90 },
      ],
    },
    {
      name: "a speaker introducing themselves again and a name after an apology",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"hey it's Priyanka again\"}, {\"role\": \"assistant\", \"content\": \"Sorry for the delay, Anneliese.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 53, endLine: 1, endColumn: 61 },
        { messageId: "found", line: 1, column: 126, endLine: 1, endColumn: 135 },
      ],
    },
    {
      name: "the addressee line above a postal address and the answer to a name question",
      code: "Ship it to:\n\nMaria Kjeldsen\n96 Salontie 19\nSuite 290\n\nAgent: What name is the booking under?\nUser: Oyelaran Adebayo\n",
      errors: [
        { messageId: "found", line: 3, column: 1, endLine: 3, endColumn: 15 },
        { messageId: "found", line: 8, column: 7, endLine: 8, endColumn: 23 },
      ],
    },
    {
      name: "a table cell under a person column, whatever the surname",
      code: "| Client | Total |\n|---|---|\n| Maria Kowalczyk | 30 |\n",
      errors: [{ messageId: "found", line: 3, column: 3, endLine: 3, endColumn: 18 }],
    },
    {
      name: "a list item of a person field in front matter",
      code: "---\nguests:\n  - Maria Kowalczyk\n---\nHello\n",
      errors: [{ messageId: "found", line: 3, column: 5, endLine: 3, endColumn: 20 }],
    },
    {
      name: "a title and a number that is not a version",
      code: "User: please call Mr. Okafor 2 times today.\n",
      errors: [{ messageId: "found", line: 1, column: 23, endLine: 1, endColumn: 29 }],
    },
    {
      name: "my name is",
      code: "User: Hi, my name is Maria Lopez and my parcel never arrived.\n",
      errors: [
        { messageId: "found", line: 1, column: 22, endLine: 1, endColumn: 33, suggestions: [{ messageId: "replace", output: "User: Hi, my name is Jane Doe and my parcel never arrived.\n" }] },
      ],
    },
    {
      name: "a form field and a signature",
      code: "Name: Priya Raman\n\nThanks,\nDaniel Okafor\n",
      errors: [
        { messageId: "found", line: 1, column: 7, endLine: 1, endColumn: 18, suggestions: [{ messageId: "replace", output: "Name: Jane Doe\n\nThanks,\nDaniel Okafor\n" }] },
        { messageId: "found", line: 4, column: 1, endLine: 4, endColumn: 14, suggestions: [{ messageId: "replace", output: "Name: Priya Raman\n\nThanks,\nJane Doe\n" }] },
      ],
    },
    {
      name: "honorific",
      code: "Dear Mr. Okonkwo, your parcel is delayed.\n",
      errors: [
        { messageId: "found", line: 1, column: 10, endLine: 1, endColumn: 17, suggestions: [{ messageId: "replace", output: "Dear Mr. Jane, your parcel is delayed.\n" }] },
      ],
    },
    {
      name: "JSONL dialogue after a \\u00e9 escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 order for Kenji Watanabe and Tom Okafor.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 64, endLine: 1, endColumn: 78, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 order for Jane Doe and Tom Okafor.\"}]}\n" }] },
        { messageId: "found", line: 1, column: 83, endLine: 1, endColumn: 93, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 order for Kenji Watanabe and Jane Doe.\"}]}\n" }] },
      ],
    },
    {
      name: "JSONL signature after \\n escapes",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"See you soon.\\nBest regards,\\nIngrid Johansson\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 74, endLine: 1, endColumn: 90, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"See you soon.\\nBest regards,\\nJane Doe\"}]}\n" }] },
      ],
    },
    {
      name: "a middle initial after a quote marker",
      code: "> From: Maria K. Jensen\n> Sent: Tuesday\n",
      errors: [
        { messageId: "found", line: 1, column: 9, endLine: 1, endColumn: 24 },
      ],
    },
    {
      name: "a title and a hyphenated surname",
      code: "Hi, it's Dr. Oluwaseun Adeyemi-Clarke again.\n",
      errors: [
        { messageId: "found", line: 1, column: 14, endLine: 1, endColumn: 38 },
      ],
    },
    {
      name: "a signature after a blank line",
      code: "Thanks for your help.\n\nBest regards,\n\nIngrid Johansson\n",
      errors: [
        { messageId: "found", line: 5, column: 1, endLine: 5, endColumn: 17 },
      ],
    },
    {
      name: "form fields and a list of records",
      code: "Manager: Tomasz Wi\u015bniewski\n\n1. Henrike van der Berg \u2014 salary to NL\n",
      errors: [
        { messageId: "found", line: 1, column: 10, endLine: 1, endColumn: 27 },
        { messageId: "found", line: 3, column: 4, endLine: 3, endColumn: 24 },
      ],
    },
    {
      name: "non-English names in a JSONL user turn",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi, I'm Aoife N\u00ed Bhriain, booking for my son Mateo.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 52, endLine: 1, endColumn: 68 },
        { messageId: "found", line: 1, column: 89, endLine: 1, endColumn: 94 },
      ],
    },
    {
      name: "names joined after a cue",
      code: "Dear Saoirse and Rhys,\ncongratulations!\n",
      errors: [
        { messageId: "found", line: 1, column: 6, endLine: 1, endColumn: 13 },
        { messageId: "found", line: 1, column: 18, endLine: 1, endColumn: 22 },
      ],
    },

    {
      name: "the answer to a name question, a relative's name in lower case, and a title in lower-case chat",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"assistant\", \"content\": \"What's the name on the account?\"}, {\"role\": \"user\", \"content\": \"it's under my partner's name roberto yamamura\"}]}\n{\"messages\": [{\"role\": \"user\", \"content\": \"dr. hurst said my test is fine\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 142, endLine: 1, endColumn: 158 },
        { messageId: "found", line: 2, column: 48, endLine: 2, endColumn: 53 },
      ],
    },
    {
      name: "a name question answered after a speaker label, a given name that is also a word",
      code: "Bot: What's the name on the account?\nUser: Penny Cavalcanti\n",
      errors: [{ messageId: "found", line: 2, column: 7, endLine: 2, endColumn: 23 }],
    },
    {
      name: "names in prose after hand-off verbs: an unknown surname, an O' surname, a hyphenated given name",
      code: "Refunds over 500 EUR: escalate to Priya Raman. Tickets opened by Liam O'Connor, go to Jean-Luc Moreau first.\n",
      errors: [
        { messageId: "found", line: 1, column: 35, endLine: 1, endColumn: 46 },
        { messageId: "found", line: 1, column: 66, endLine: 1, endColumn: 79 },
        { messageId: "found", line: 1, column: 87, endLine: 1, endColumn: 102 },
      ],
    },
    {
      name: "a greeting in a labelled reply, and names after a person's role",
      code: "Example output: Hi Bongani, your claim is approved.\nCheck with the owner, Hamid Karimi, and our fraud lead Maximilian Brandt.\n",
      errors: [
        { messageId: "found", line: 1, column: 20, endLine: 1, endColumn: 27 },
        { messageId: "found", line: 2, column: 23, endLine: 2, endColumn: 35 },
        { messageId: "found", line: 2, column: 56, endLine: 2, endColumn: 73 },
      ],
    },
    {
      name: "a given name after a request verb in a turn, and an Arabic surname with its article",
      filename: "chat.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Please tell Maria I called. It is Ahmed Al-Sayed, account 55123.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 56, endLine: 1, endColumn: 61 },
        { messageId: "found", line: 1, column: 78, endLine: 1, endColumn: 92 },
      ],
    },
    {
      name: "thanks inside a quoted example reply, a name its email address is made of, an airline booking name",
      code: "Good reply: \"Thanks Tomasz, we will call back.\"\nExample: Customer Priyanka Deshmukh (priyanka.d@example.org) disputes a charge.\nTraveller: BERGSTRÖM/ASTRID MS\n",
      errors: [
        { messageId: "found", line: 1, column: 21, endLine: 1, endColumn: 27 },
        { messageId: "found", line: 2, column: 19, endLine: 2, endColumn: 36 },
        { messageId: "found", line: 3, column: 12, endLine: 3, endColumn: 28 },
      ],
    },
    {
      name: "a full name under a person column whose given name the lexicon lacks",
      filename: "crm.md",
      code: "| Applicant | Move-in |\n|---|---|\n| Bethan Lloyd-Pryce | 1 Nov |\n",
      errors: [
        { messageId: "found", line: 3, column: 3, endLine: 3, endColumn: 21 },
      ],
    },
    {
      name: "a name under a 'Signed off,' sign-off",
      filename: "notes.md",
      code: "Deposit received.\n\nSigned off,\nPriya Chaudhary\nSenior Negotiator\n",
      errors: [
        { messageId: "found", line: 4, column: 1, endLine: 4, endColumn: 16 },
      ],
    },
    {
      name: "lower-case forms of address of other languages",
      filename: "chat.md",
      code: "> Klient: Paczka nie przyszła.\n> Konsultant: Przepraszam, pani Agnieszko. Dziękuję, panie Bartoszu.\n",
      errors: [
        { messageId: "found", line: 2, column: 33, endLine: 2, endColumn: 42 },
        { messageId: "found", line: 2, column: 60, endLine: 2, endColumn: 68 },
      ],
    },
    {
      name: "a relative named after 'my husband' in German and Spanish",
      code: "Customer: Mein Mann Kerem bringt ihn vorbei. Y mi madre Guadalupe también.\n",
      errors: [
        { messageId: "found", line: 1, column: 21, endLine: 1, endColumn: 26 },
        { messageId: "found", line: 1, column: 57, endLine: 1, endColumn: 66 },
      ],
    },
    {
      name: "a sign-off is not a name, the name after it is",
      filename: "chat.jsonl",
      code: "{\"messages\":[{\"role\":\"user\",\"content\":\"Ich bringe den Impfpass. Viele Grüße, Ayşe\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 78, endLine: 1, endColumn: 82 },
      ],
    },
    {
      name: "a bare given name in a later turn of the same record",
      filename: "chat.jsonl",
      code: "{\"messages\":[{\"role\":\"user\",\"content\":\"Patient: Tamsin O'Driscoll, needs a new slot\"},{\"role\":\"assistant\",\"content\":\"I found Tamsin's visit for 3:15 PM.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 49, endLine: 1, endColumn: 66 },
        { messageId: "found", line: 1, column: 126, endLine: 1, endColumn: 132 },
      ],
    },
    {
      name: "a name word from another turn that starts a street name is not repeated there",
      filename: "chat.jsonl",
      code: "{\"messages\":[{\"role\":\"user\",\"content\":\"Customer: Nguyen Thi Thu Ha\"},{\"role\":\"assistant\",\"content\":\"The depot on Nguyen Chi Thanh is closed today.\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 50, endLine: 1, endColumn: 67 },
      ],
    },
    {
      name: "a signature without a sign-off: a full name over a phone line",
      filename: "tickets.md",
      code: "> I was charged twice!! Pls call me asap\n> Harriet Mbeki-Lowe\n> (617) 394-0123 ext. 22\n",
      errors: [
        { messageId: "found", line: 2, column: 3, endLine: 2, endColumn: 21 },
      ],
    },
    {
      name: "a relative or next of kin named right after the relation",
      filename: "notes.md",
      code: "- 28/09 viewed the flat; partner Kemi to view Sat.\n- NOK daughter Fiona will collect.\n",
      errors: [
        { messageId: "found", line: 1, column: 34, endLine: 1, endColumn: 38 },
        { messageId: "found", line: 2, column: 16, endLine: 2, endColumn: 21 },
      ],
    },
  ],
});
