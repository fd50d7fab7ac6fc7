package dev.ferry.terminal;

/**
 * Display width of a code point, as glibc 2.36's wcwidth() gives it under C.UTF-8 (tmux 3.3 asks
 * wcwidth). Generated from that wcwidth; ASCII never reaches here. -1 (C1 controls, unassigned
 * code points, noncharacters) makes tmux's utf8_width fail, and tmux drops the character.
 */
final class CharWidth {
    /** Ranges (hex, inclusive) whose width is not 1: z = 0 (combining), w = 2 (wide), n = -1 (not printable). */
    private static final String RANGES = ""
            + "80-9fn,300-36fz,378-379n,380-383n,38bn,38dn,3a2n,483-489z,530n,557-558n,58b-58cn,590n,591-5bdz,5bfz,"
            + "5c1-5c2z,5c4-5c5z,5c7z,5c8-5cfn,5eb-5een,5f5-5ffn,610-61az,61cz,64b-65fz,670z,6d6-6dcz,6df-6e4z,6e7-"
            + "6e8z,6ea-6edz,70en,711z,730-74az,74b-74cn,7a6-7b0z,7b2-7bfn,7eb-7f3z,7fb-7fcn,7fdz,816-819z,81b-823z"
            + ",825-827z,829-82dz,82e-82fn,83fn,859-85bz,85c-85dn,85fn,86b-86fn,88fn,892-897n,898-89fz,8ca-8e1z,8e3"
            + "-902z,93az,93cz,941-948z,94dz,951-957z,962-963z,981z,984n,98d-98en,991-992n,9a9n,9b1n,9b3-9b5n,9ba-9"
            + "bbn,9bcz,9c1-9c4z,9c5-9c6n,9c9-9can,9cdz,9cf-9d6n,9d8-9dbn,9den,9e2-9e3z,9e4-9e5n,9fez,9ff-a00n,a01-"
            + "a02z,a04n,a0b-a0en,a11-a12n,a29n,a31n,a34n,a37n,a3a-a3bn,a3cz,a3dn,a41-a42z,a43-a46n,a47-a48z,a49-a4"
            + "an,a4b-a4dz,a4e-a50n,a51z,a52-a58n,a5dn,a5f-a65n,a70-a71z,a75z,a77-a80n,a81-a82z,a84n,a8en,a92n,aa9n"
            + ",ab1n,ab4n,aba-abbn,abcz,ac1-ac5z,ac6n,ac7-ac8z,acan,acdz,ace-acfn,ad1-adfn,ae2-ae3z,ae4-ae5n,af2-af"
            + "8n,afa-affz,b00n,b01z,b04n,b0d-b0en,b11-b12n,b29n,b31n,b34n,b3a-b3bn,b3cz,b3fz,b41-b44z,b45-b46n,b49"
            + "-b4an,b4dz,b4e-b54n,b55-b56z,b58-b5bn,b5en,b62-b63z,b64-b65n,b78-b81n,b82z,b84n,b8b-b8dn,b91n,b96-b9"
            + "8n,b9bn,b9dn,ba0-ba2n,ba5-ba7n,bab-badn,bba-bbdn,bc0z,bc3-bc5n,bc9n,bcdz,bce-bcfn,bd1-bd6n,bd8-be5n,"
            + "bfb-bffn,c00z,c04z,c0dn,c11n,c29n,c3a-c3bn,c3cz,c3e-c40z,c45n,c46-c48z,c49n,c4a-c4dz,c4e-c54n,c55-c5"
            + "6z,c57n,c5b-c5cn,c5e-c5fn,c62-c63z,c64-c65n,c70-c76n,c81z,c8dn,c91n,ca9n,cb4n,cba-cbbn,cbcz,cbfz,cc5"
            + "n,cc6z,cc9n,ccc-ccdz,cce-cd4n,cd7-cdcn,cdfn,ce2-ce3z,ce4-ce5n,cf0n,cf3-cffn,d00-d01z,d0dn,d11n,d3b-d"
            + "3cz,d41-d44z,d45n,d49n,d4dz,d50-d53n,d62-d63z,d64-d65n,d80n,d81z,d84n,d97-d99n,db2n,dbcn,dbe-dbfn,dc"
            + "7-dc9n,dcaz,dcb-dcen,dd2-dd4z,dd5n,dd6z,dd7n,de0-de5n,df0-df1n,df5-e00n,e31z,e34-e3az,e3b-e3en,e47-e"
            + "4ez,e5c-e80n,e83n,e85n,e8bn,ea4n,ea6n,eb1z,eb4-ebcz,ebe-ebfn,ec5n,ec7n,ec8-ecdz,ece-ecfn,eda-edbn,ee"
            + "0-effn,f18-f19z,f35z,f37z,f39z,f48n,f6d-f70n,f71-f7ez,f80-f84z,f86-f87z,f8d-f97z,f98n,f99-fbcz,fbdn,"
            + "fc6z,fcdn,fdb-fffn,102d-1030z,1032-1037z,1039-103az,103d-103ez,1058-1059z,105e-1060z,1071-1074z,1082"
            + "z,1085-1086z,108dz,109dz,10c6n,10c8-10ccn,10ce-10cfn,1100-115fw,1160-11ffz,1249n,124e-124fn,1257n,12"
            + "59n,125e-125fn,1289n,128e-128fn,12b1n,12b6-12b7n,12bfn,12c1n,12c6-12c7n,12d7n,1311n,1316-1317n,135b-"
            + "135cn,135d-135fz,137d-137fn,139a-139fn,13f6-13f7n,13fe-13ffn,169d-169fn,16f9-16ffn,1712-1714z,1716-1"
            + "71en,1732-1733z,1737-173fn,1752-1753z,1754-175fn,176dn,1771n,1772-1773z,1774-177fn,17b4-17b5z,17b7-1"
            + "7bdz,17c6z,17c9-17d3z,17ddz,17de-17dfn,17ea-17efn,17fa-17ffn,180b-180fz,181a-181fn,1879-187fn,1885-1"
            + "886z,18a9z,18ab-18afn,18f6-18ffn,191fn,1920-1922z,1927-1928z,192c-192fn,1932z,1939-193bz,193c-193fn,"
            + "1941-1943n,196e-196fn,1975-197fn,19ac-19afn,19ca-19cfn,19db-19ddn,1a17-1a18z,1a1bz,1a1c-1a1dn,1a56z,"
            + "1a58-1a5ez,1a5fn,1a60z,1a62z,1a65-1a6cz,1a73-1a7cz,1a7d-1a7en,1a7fz,1a8a-1a8fn,1a9a-1a9fn,1aae-1aafn"
            + ",1ab0-1acez,1acf-1affn,1b00-1b03z,1b34z,1b36-1b3az,1b3cz,1b42z,1b4d-1b4fn,1b6b-1b73z,1b7fn,1b80-1b81"
            + "z,1ba2-1ba5z,1ba8-1ba9z,1bab-1badz,1be6z,1be8-1be9z,1bedz,1bef-1bf1z,1bf4-1bfbn,1c2c-1c33z,1c36-1c37"
            + "z,1c38-1c3an,1c4a-1c4cn,1c89-1c8fn,1cbb-1cbcn,1cc8-1ccfn,1cd0-1cd2z,1cd4-1ce0z,1ce2-1ce8z,1cedz,1cf4"
            + "z,1cf8-1cf9z,1cfb-1cffn,1dc0-1dffz,1f16-1f17n,1f1e-1f1fn,1f46-1f47n,1f4e-1f4fn,1f58n,1f5an,1f5cn,1f5"
            + "en,1f7e-1f7fn,1fb5n,1fc5n,1fd4-1fd5n,1fdcn,1ff0-1ff1n,1ff5n,1fffn,200b-200fz,2028-2029n,202a-202ez,2"
            + "060-2064z,2065n,2066-206fz,2072-2073n,208fn,209d-209fn,20c1-20cfn,20d0-20f0z,20f1-20ffn,218c-218fn,2"
            + "31a-231bw,2329-232aw,23e9-23ecw,23f0w,23f3w,2427-243fn,244b-245fn,25fd-25few,2614-2615w,2648-2653w,2"
            + "67fw,2693w,26a1w,26aa-26abw,26bd-26bew,26c4-26c5w,26cew,26d4w,26eaw,26f2-26f3w,26f5w,26faw,26fdw,270"
            + "5w,270a-270bw,2728w,274cw,274ew,2753-2755w,2757w,2795-2797w,27b0w,27bfw,2b1b-2b1cw,2b50w,2b55w,2b74-"
            + "2b75n,2b96n,2cef-2cf1z,2cf4-2cf8n,2d26n,2d28-2d2cn,2d2e-2d2fn,2d68-2d6en,2d71-2d7en,2d7fz,2d97-2d9fn"
            + ",2da7n,2dafn,2db7n,2dbfn,2dc7n,2dcfn,2dd7n,2ddfn,2de0-2dffz,2e5e-2e7fn,2e80-2e99w,2e9an,2e9b-2ef3w,2"
            + "ef4-2effn,2f00-2fd5w,2fd6-2fefn,2ff0-2ffbw,2ffc-2fffn,3000-3029w,302a-302dz,302e-303ew,3040n,3041-30"
            + "96w,3097-3098n,3099-309az,309b-30ffw,3100-3104n,3105-312fw,3130n,3131-318ew,318fn,3190-31e3w,31e4-31"
            + "efn,31f0-321ew,321fn,3220-a48cw,a48d-a48fn,a490-a4c6w,a4c7-a4cfn,a62c-a63fn,a66f-a672z,a674-a67dz,a6"
            + "9e-a69fz,a6f0-a6f1z,a6f8-a6ffn,a7cb-a7cfn,a7d2n,a7d4n,a7da-a7f1n,a802z,a806z,a80bz,a825-a826z,a82cz,"
            + "a82d-a82fn,a83a-a83fn,a878-a87fn,a8c4-a8c5z,a8c6-a8cdn,a8da-a8dfn,a8e0-a8f1z,a8ffz,a926-a92dz,a947-a"
            + "951z,a954-a95en,a960-a97cw,a97d-a97fn,a980-a982z,a9b3z,a9b6-a9b9z,a9bc-a9bdz,a9cen,a9da-a9ddn,a9e5z,"
            + "a9ffn,aa29-aa2ez,aa31-aa32z,aa35-aa36z,aa37-aa3fn,aa43z,aa4cz,aa4e-aa4fn,aa5a-aa5bn,aa7cz,aab0z,aab2"
            + "-aab4z,aab7-aab8z,aabe-aabfz,aac1z,aac3-aadan,aaec-aaedz,aaf6z,aaf7-ab00n,ab07-ab08n,ab0f-ab10n,ab17"
            + "-ab1fn,ab27n,ab2fn,ab6c-ab6fn,abe5z,abe8z,abedz,abee-abefn,abfa-abffn,ac00-d7a3w,d7a4-d7afn,d7b0-d7c"
            + "6z,d7c7-d7can,d7cb-d7fbz,d7fc-dfffn,f900-fa6dw,fa6e-fa6fn,fa70-fad9w,fada-faffn,fb07-fb12n,fb18-fb1c"
            + "n,fb1ez,fb37n,fb3dn,fb3fn,fb42n,fb45n,fbc3-fbd2n,fd90-fd91n,fdc8-fdcen,fdd0-fdefn,fe00-fe0fz,fe10-fe"
            + "19w,fe1a-fe1fn,fe20-fe2fz,fe30-fe52w,fe53n,fe54-fe66w,fe67n,fe68-fe6bw,fe6c-fe6fn,fe75n,fefd-fefen,f"
            + "effz,ff00n,ff01-ff60w,ffbf-ffc1n,ffc8-ffc9n,ffd0-ffd1n,ffd8-ffd9n,ffdd-ffdfn,ffe0-ffe6w,ffe7n,ffef-f"
            + "ff8n,fff9-fffbz,fffe-ffffn,1000cn,10027n,1003bn,1003en,1004e-1004fn,1005e-1007fn,100fb-100ffn,10103-"
            + "10106n,10134-10136n,1018fn,1019d-1019fn,101a1-101cfn,101fdz,101fe-1027fn,1029d-1029fn,102d1-102dfn,1"
            + "02e0z,102fc-102ffn,10324-1032cn,1034b-1034fn,10376-1037az,1037b-1037fn,1039en,103c4-103c7n,103d6-103"
            + "ffn,1049e-1049fn,104aa-104afn,104d4-104d7n,104fc-104ffn,10528-1052fn,10564-1056en,1057bn,1058bn,1059"
            + "3n,10596n,105a2n,105b2n,105ban,105bd-105ffn,10737-1073fn,10756-1075fn,10768-1077fn,10786n,107b1n,107"
            + "bb-107ffn,10806-10807n,10809n,10836n,10839-1083bn,1083d-1083en,10856n,1089f-108a6n,108b0-108dfn,108f"
            + "3n,108f6-108fan,1091c-1091en,1093a-1093en,10940-1097fn,109b8-109bbn,109d0-109d1n,10a01-10a03z,10a04n"
            + ",10a05-10a06z,10a07-10a0bn,10a0c-10a0fz,10a14n,10a18n,10a36-10a37n,10a38-10a3az,10a3b-10a3en,10a3fz,"
            + "10a49-10a4fn,10a59-10a5fn,10aa0-10abfn,10ae5-10ae6z,10ae7-10aean,10af7-10affn,10b36-10b38n,10b56-10b"
            + "57n,10b73-10b77n,10b92-10b98n,10b9d-10ba8n,10bb0-10bffn,10c49-10c7fn,10cb3-10cbfn,10cf3-10cf9n,10d24"
            + "-10d27z,10d28-10d2fn,10d3a-10e5fn,10e7fn,10eaan,10eab-10eacz,10eae-10eafn,10eb2-10effn,10f28-10f2fn,"
            + "10f46-10f50z,10f5a-10f6fn,10f82-10f85z,10f8a-10fafn,10fcc-10fdfn,10ff7-10fffn,11001z,11038-11046z,11"
            + "04e-11051n,11070z,11073-11074z,11076-1107en,1107f-11081z,110b3-110b6z,110b9-110baz,110c2z,110c3-110c"
            + "cn,110ce-110cfn,110e9-110efn,110fa-110ffn,11100-11102z,11127-1112bz,1112d-11134z,11135n,11148-1114fn"
            + ",11173z,11177-1117fn,11180-11181z,111b6-111bez,111c9-111ccz,111cfz,111e0n,111f5-111ffn,11212n,1122f-"
            + "11231z,11234z,11236-11237z,1123ez,1123f-1127fn,11287n,11289n,1128en,1129en,112aa-112afn,112dfz,112e3"
            + "-112eaz,112eb-112efn,112fa-112ffn,11300-11301z,11304n,1130d-1130en,11311-11312n,11329n,11331n,11334n"
            + ",1133an,1133b-1133cz,11340z,11345-11346n,11349-1134an,1134e-1134fn,11351-11356n,11358-1135cn,11364-1"
            + "1365n,11366-1136cz,1136d-1136fn,11370-11374z,11375-113ffn,11438-1143fz,11442-11444z,11446z,1145cn,11"
            + "45ez,11462-1147fn,114b3-114b8z,114baz,114bf-114c0z,114c2-114c3z,114c8-114cfn,114da-1157fn,115b2-115b"
            + "5z,115b6-115b7n,115bc-115bdz,115bf-115c0z,115dc-115ddz,115de-115ffn,11633-1163az,1163dz,1163f-11640z"
            + ",11645-1164fn,1165a-1165fn,1166d-1167fn,116abz,116adz,116b0-116b5z,116b7z,116ba-116bfn,116ca-116ffn,"
            + "1171b-1171cn,1171d-1171fz,11722-11725z,11727-1172bz,1172c-1172fn,11747-117ffn,1182f-11837z,11839-118"
            + "3az,1183c-1189fn,118f3-118fen,11907-11908n,1190a-1190bn,11914n,11917n,11936n,11939-1193an,1193b-1193"
            + "cz,1193ez,11943z,11947-1194fn,1195a-1199fn,119a8-119a9n,119d4-119d7z,119d8-119d9n,119da-119dbz,119e0"
            + "z,119e5-119ffn,11a01-11a0az,11a33-11a38z,11a3b-11a3ez,11a47z,11a48-11a4fn,11a51-11a56z,11a59-11a5bz,"
            + "11a8a-11a96z,11a98-11a99z,11aa3-11aafn,11af9-11bffn,11c09n,11c30-11c36z,11c37n,11c38-11c3dz,11c3fz,1"
            + "1c46-11c4fn,11c6d-11c6fn,11c90-11c91n,11c92-11ca7z,11ca8n,11caa-11cb0z,11cb2-11cb3z,11cb5-11cb6z,11c"
            + "b7-11cffn,11d07n,11d0an,11d31-11d36z,11d37-11d39n,11d3az,11d3bn,11d3c-11d3dz,11d3en,11d3f-11d45z,11d"
            + "47z,11d48-11d4fn,11d5a-11d5fn,11d66n,11d69n,11d8fn,11d90-11d91z,11d92n,11d95z,11d97z,11d99-11d9fn,11"
            + "daa-11edfn,11ef3-11ef4z,11ef9-11fafn,11fb1-11fbfn,11ff2-11ffen,1239a-123ffn,1246fn,12475-1247fn,1254"
            + "4-12f8fn,12ff3-12fffn,1342fn,13430-13438z,13439-143ffn,14647-167ffn,16a39-16a3fn,16a5fn,16a6a-16a6dn"
            + ",16abfn,16aca-16acfn,16aee-16aefn,16af0-16af4z,16af6-16affn,16b30-16b36z,16b46-16b4fn,16b5an,16b62n,"
            + "16b78-16b7cn,16b90-16e3fn,16e9b-16effn,16f4b-16f4en,16f4fz,16f88-16f8en,16f8f-16f92z,16fa0-16fdfn,16"
            + "fe0-16fe3w,16fe4z,16fe5-16fefn,16ff0-16ff1w,16ff2-16fffn,17000-187f7w,187f8-187ffn,18800-18cd5w,18cd"
            + "6-18cffn,18d00-18d08w,18d09-1afefn,1aff0-1aff3w,1aff4n,1aff5-1affbw,1affcn,1affd-1affew,1afffn,1b000"
            + "-1b122w,1b123-1b14fn,1b150-1b152w,1b153-1b163n,1b164-1b167w,1b168-1b16fn,1b170-1b2fbw,1b2fc-1bbffn,1"
            + "bc6b-1bc6fn,1bc7d-1bc7fn,1bc89-1bc8fn,1bc9a-1bc9bn,1bc9d-1bc9ez,1bca0-1bca3z,1bca4-1ceffn,1cf00-1cf2"
            + "dz,1cf2e-1cf2fn,1cf30-1cf46z,1cf47-1cf4fn,1cfc4-1cfffn,1d0f6-1d0ffn,1d127-1d128n,1d167-1d169z,1d173-"
            + "1d182z,1d185-1d18bz,1d1aa-1d1adz,1d1eb-1d1ffn,1d242-1d244z,1d246-1d2dfn,1d2f4-1d2ffn,1d357-1d35fn,1d"
            + "379-1d3ffn,1d455n,1d49dn,1d4a0-1d4a1n,1d4a3-1d4a4n,1d4a7-1d4a8n,1d4adn,1d4ban,1d4bcn,1d4c4n,1d506n,1"
            + "d50b-1d50cn,1d515n,1d51dn,1d53an,1d53fn,1d545n,1d547-1d549n,1d551n,1d6a6-1d6a7n,1d7cc-1d7cdn,1da00-1"
            + "da36z,1da3b-1da6cz,1da75z,1da84z,1da8c-1da9an,1da9b-1da9fz,1daa0n,1daa1-1daafz,1dab0-1deffn,1df1f-1d"
            + "fffn,1e000-1e006z,1e007n,1e008-1e018z,1e019-1e01an,1e01b-1e021z,1e022n,1e023-1e024z,1e025n,1e026-1e0"
            + "2az,1e02b-1e0ffn,1e12d-1e12fn,1e130-1e136z,1e13e-1e13fn,1e14a-1e14dn,1e150-1e28fn,1e2aez,1e2af-1e2bf"
            + "n,1e2ec-1e2efz,1e2fa-1e2fen,1e300-1e7dfn,1e7e7n,1e7ecn,1e7efn,1e7ffn,1e8c5-1e8c6n,1e8d0-1e8d6z,1e8d7"
            + "-1e8ffn,1e944-1e94az,1e94c-1e94fn,1e95a-1e95dn,1e960-1ec70n,1ecb5-1ed00n,1ed3e-1edffn,1ee04n,1ee20n,"
            + "1ee23n,1ee25-1ee26n,1ee28n,1ee33n,1ee38n,1ee3an,1ee3c-1ee41n,1ee43-1ee46n,1ee48n,1ee4an,1ee4cn,1ee50"
            + "n,1ee53n,1ee55-1ee56n,1ee58n,1ee5an,1ee5cn,1ee5en,1ee60n,1ee63n,1ee65-1ee66n,1ee6bn,1ee73n,1ee78n,1e"
            + "e7dn,1ee7fn,1ee8an,1ee9c-1eea0n,1eea4n,1eeaan,1eebc-1eeefn,1eef2-1efffn,1f004w,1f02c-1f02fn,1f094-1f"
            + "09fn,1f0af-1f0b0n,1f0c0n,1f0cfw,1f0d0n,1f0f6-1f0ffn,1f18ew,1f191-1f19aw,1f1ae-1f1e5n,1f200-1f202w,1f"
            + "203-1f20fn,1f210-1f23bw,1f23c-1f23fn,1f240-1f248w,1f249-1f24fn,1f250-1f251w,1f252-1f25fn,1f260-1f265"
            + "w,1f266-1f2ffn,1f300-1f320w,1f32d-1f335w,1f337-1f37cw,1f37e-1f393w,1f3a0-1f3caw,1f3cf-1f3d3w,1f3e0-1"
            + "f3f0w,1f3f4w,1f3f8-1f43ew,1f440w,1f442-1f4fcw,1f4ff-1f53dw,1f54b-1f54ew,1f550-1f567w,1f57aw,1f595-1f"
            + "596w,1f5a4w,1f5fb-1f64fw,1f680-1f6c5w,1f6ccw,1f6d0-1f6d2w,1f6d5-1f6d7w,1f6d8-1f6dcn,1f6dd-1f6dfw,1f6"
            + "eb-1f6ecw,1f6ed-1f6efn,1f6f4-1f6fcw,1f6fd-1f6ffn,1f774-1f77fn,1f7d9-1f7dfn,1f7e0-1f7ebw,1f7ec-1f7efn"
            + ",1f7f0w,1f7f1-1f7ffn,1f80c-1f80fn,1f848-1f84fn,1f85a-1f85fn,1f888-1f88fn,1f8ae-1f8afn,1f8b2-1f8ffn,1"
            + "f90c-1f93aw,1f93c-1f945w,1f947-1f9ffw,1fa54-1fa5fn,1fa6e-1fa6fn,1fa70-1fa74w,1fa75-1fa77n,1fa78-1fa7"
            + "cw,1fa7d-1fa7fn,1fa80-1fa86w,1fa87-1fa8fn,1fa90-1faacw,1faad-1faafn,1fab0-1fabaw,1fabb-1fabfn,1fac0-"
            + "1fac5w,1fac6-1facfn,1fad0-1fad9w,1fada-1fadfn,1fae0-1fae7w,1fae8-1faefn,1faf0-1faf6w,1faf7-1faffn,1f"
            + "b93n,1fbcb-1fbefn,1fbfa-1ffffn,20000-2a6dfw,2a6e0-2a6ffn,2a700-2b738w,2b739-2b73fn,2b740-2b81dw,2b81"
            + "e-2b81fn,2b820-2cea1w,2cea2-2ceafn,2ceb0-2ebe0w,2ebe1-2f7ffn,2f800-2fa1dw,2fa1e-2ffffn,30000-3134aw,"
            + "3134b-e0000n,e0001z,e0002-e001fn,e0020-e007fz,e0080-e00ffn,e0100-e01efz,e01f0-effffn,ffffe-fffffn,10"
            + "fffe-10ffffn";

    private static final int[] STARTS, ENDS;
    private static final byte[] WIDTHS;

    static {
        String[] parts = RANGES.split(",");
        STARTS = new int[parts.length];
        ENDS = new int[parts.length];
        WIDTHS = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            char kind = p.charAt(p.length() - 1);
            WIDTHS[i] = (byte) (kind == 'z' ? 0 : kind == 'n' ? -1 : 2);
            String range = p.substring(0, p.length() - 1);
            int dash = range.indexOf('-');
            STARTS[i] = Integer.parseInt(dash < 0 ? range : range.substring(0, dash), 16);
            ENDS[i] = dash < 0 ? STARTS[i] : Integer.parseInt(range.substring(dash + 1), 16);
        }
    }

    private CharWidth() {}

    /** 0, 1 or 2 columns; -1 for a character tmux drops. */
    static int of(int cp) {
        if (cp < 0x300 && (cp < 0x80 || cp > 0x9f)) {
            return 1;
        }
        int lo = 0, hi = STARTS.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < STARTS[mid]) {
                hi = mid - 1;
            } else if (cp > ENDS[mid]) {
                lo = mid + 1;
            } else {
                return WIDTHS[mid];
            }
        }
        return 1;
    }
}
