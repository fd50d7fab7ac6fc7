package dev.ferry.terminal;

/**
 * Display width of a code point, as glibc 2.36's wcwidth() gives it under C.UTF-8 (tmux 3.3 asks
 * wcwidth, and reads -1 as 1). Generated from that wcwidth; ASCII never reaches here.
 */
final class CharWidth {
    /** Ranges (hex, inclusive) whose width is not 1: z = 0 (combining), w = 2 (wide). */
    private static final String RANGES = ""
            + "300-36fz,483-489z,591-5bdz,5bfz,5c1-5c2z,5c4-5c5z,5c7z,610-61az,61cz,64b-65fz,670z,6d6-6dcz,6df-6e4z"
            + ",6e7-6e8z,6ea-6edz,711z,730-74az,7a6-7b0z,7eb-7f3z,7fdz,816-819z,81b-823z,825-827z,829-82dz,859-85bz"
            + ",898-89fz,8ca-8e1z,8e3-902z,93az,93cz,941-948z,94dz,951-957z,962-963z,981z,9bcz,9c1-9c4z,9cdz,9e2-9e"
            + "3z,9fez,a01-a02z,a3cz,a41-a42z,a47-a48z,a4b-a4dz,a51z,a70-a71z,a75z,a81-a82z,abcz,ac1-ac5z,ac7-ac8z,"
            + "acdz,ae2-ae3z,afa-affz,b01z,b3cz,b3fz,b41-b44z,b4dz,b55-b56z,b62-b63z,b82z,bc0z,bcdz,c00z,c04z,c3cz,"
            + "c3e-c40z,c46-c48z,c4a-c4dz,c55-c56z,c62-c63z,c81z,cbcz,cbfz,cc6z,ccc-ccdz,ce2-ce3z,d00-d01z,d3b-d3cz"
            + ",d41-d44z,d4dz,d62-d63z,d81z,dcaz,dd2-dd4z,dd6z,e31z,e34-e3az,e47-e4ez,eb1z,eb4-ebcz,ec8-ecdz,f18-f1"
            + "9z,f35z,f37z,f39z,f71-f7ez,f80-f84z,f86-f87z,f8d-f97z,f99-fbcz,fc6z,102d-1030z,1032-1037z,1039-103az"
            + ",103d-103ez,1058-1059z,105e-1060z,1071-1074z,1082z,1085-1086z,108dz,109dz,1100-115fw,1160-11ffz,135d"
            + "-135fz,1712-1714z,1732-1733z,1752-1753z,1772-1773z,17b4-17b5z,17b7-17bdz,17c6z,17c9-17d3z,17ddz,180b"
            + "-180fz,1885-1886z,18a9z,1920-1922z,1927-1928z,1932z,1939-193bz,1a17-1a18z,1a1bz,1a56z,1a58-1a5ez,1a6"
            + "0z,1a62z,1a65-1a6cz,1a73-1a7cz,1a7fz,1ab0-1acez,1b00-1b03z,1b34z,1b36-1b3az,1b3cz,1b42z,1b6b-1b73z,1"
            + "b80-1b81z,1ba2-1ba5z,1ba8-1ba9z,1bab-1badz,1be6z,1be8-1be9z,1bedz,1bef-1bf1z,1c2c-1c33z,1c36-1c37z,1"
            + "cd0-1cd2z,1cd4-1ce0z,1ce2-1ce8z,1cedz,1cf4z,1cf8-1cf9z,1dc0-1dffz,200b-200fz,202a-202ez,2060-2064z,2"
            + "066-206fz,20d0-20f0z,231a-231bw,2329-232aw,23e9-23ecw,23f0w,23f3w,25fd-25few,2614-2615w,2648-2653w,2"
            + "67fw,2693w,26a1w,26aa-26abw,26bd-26bew,26c4-26c5w,26cew,26d4w,26eaw,26f2-26f3w,26f5w,26faw,26fdw,270"
            + "5w,270a-270bw,2728w,274cw,274ew,2753-2755w,2757w,2795-2797w,27b0w,27bfw,2b1b-2b1cw,2b50w,2b55w,2cef-"
            + "2cf1z,2d7fz,2de0-2dffz,2e80-2e99w,2e9b-2ef3w,2f00-2fd5w,2ff0-2ffbw,3000-3029w,302a-302dz,302e-303ew,"
            + "3041-3096w,3099-309az,309b-30ffw,3105-312fw,3131-318ew,3190-31e3w,31f0-321ew,3220-a48cw,a490-a4c6w,a"
            + "66f-a672z,a674-a67dz,a69e-a69fz,a6f0-a6f1z,a802z,a806z,a80bz,a825-a826z,a82cz,a8c4-a8c5z,a8e0-a8f1z,"
            + "a8ffz,a926-a92dz,a947-a951z,a960-a97cw,a980-a982z,a9b3z,a9b6-a9b9z,a9bc-a9bdz,a9e5z,aa29-aa2ez,aa31-"
            + "aa32z,aa35-aa36z,aa43z,aa4cz,aa7cz,aab0z,aab2-aab4z,aab7-aab8z,aabe-aabfz,aac1z,aaec-aaedz,aaf6z,abe"
            + "5z,abe8z,abedz,ac00-d7a3w,d7b0-d7c6z,d7cb-d7fbz,f900-fa6dw,fa70-fad9w,fb1ez,fe00-fe0fz,fe10-fe19w,fe"
            + "20-fe2fz,fe30-fe52w,fe54-fe66w,fe68-fe6bw,feffz,ff01-ff60w,ffe0-ffe6w,fff9-fffbz,101fdz,102e0z,10376"
            + "-1037az,10a01-10a03z,10a05-10a06z,10a0c-10a0fz,10a38-10a3az,10a3fz,10ae5-10ae6z,10d24-10d27z,10eab-1"
            + "0eacz,10f46-10f50z,10f82-10f85z,11001z,11038-11046z,11070z,11073-11074z,1107f-11081z,110b3-110b6z,11"
            + "0b9-110baz,110c2z,11100-11102z,11127-1112bz,1112d-11134z,11173z,11180-11181z,111b6-111bez,111c9-111c"
            + "cz,111cfz,1122f-11231z,11234z,11236-11237z,1123ez,112dfz,112e3-112eaz,11300-11301z,1133b-1133cz,1134"
            + "0z,11366-1136cz,11370-11374z,11438-1143fz,11442-11444z,11446z,1145ez,114b3-114b8z,114baz,114bf-114c0"
            + "z,114c2-114c3z,115b2-115b5z,115bc-115bdz,115bf-115c0z,115dc-115ddz,11633-1163az,1163dz,1163f-11640z,"
            + "116abz,116adz,116b0-116b5z,116b7z,1171d-1171fz,11722-11725z,11727-1172bz,1182f-11837z,11839-1183az,1"
            + "193b-1193cz,1193ez,11943z,119d4-119d7z,119da-119dbz,119e0z,11a01-11a0az,11a33-11a38z,11a3b-11a3ez,11"
            + "a47z,11a51-11a56z,11a59-11a5bz,11a8a-11a96z,11a98-11a99z,11c30-11c36z,11c38-11c3dz,11c3fz,11c92-11ca"
            + "7z,11caa-11cb0z,11cb2-11cb3z,11cb5-11cb6z,11d31-11d36z,11d3az,11d3c-11d3dz,11d3f-11d45z,11d47z,11d90"
            + "-11d91z,11d95z,11d97z,11ef3-11ef4z,13430-13438z,16af0-16af4z,16b30-16b36z,16f4fz,16f8f-16f92z,16fe0-"
            + "16fe3w,16fe4z,16ff0-16ff1w,17000-187f7w,18800-18cd5w,18d00-18d08w,1aff0-1aff3w,1aff5-1affbw,1affd-1a"
            + "ffew,1b000-1b122w,1b150-1b152w,1b164-1b167w,1b170-1b2fbw,1bc9d-1bc9ez,1bca0-1bca3z,1cf00-1cf2dz,1cf3"
            + "0-1cf46z,1d167-1d169z,1d173-1d182z,1d185-1d18bz,1d1aa-1d1adz,1d242-1d244z,1da00-1da36z,1da3b-1da6cz,"
            + "1da75z,1da84z,1da9b-1da9fz,1daa1-1daafz,1e000-1e006z,1e008-1e018z,1e01b-1e021z,1e023-1e024z,1e026-1e"
            + "02az,1e130-1e136z,1e2aez,1e2ec-1e2efz,1e8d0-1e8d6z,1e944-1e94az,1f004w,1f0cfw,1f18ew,1f191-1f19aw,1f"
            + "200-1f202w,1f210-1f23bw,1f240-1f248w,1f250-1f251w,1f260-1f265w,1f300-1f320w,1f32d-1f335w,1f337-1f37c"
            + "w,1f37e-1f393w,1f3a0-1f3caw,1f3cf-1f3d3w,1f3e0-1f3f0w,1f3f4w,1f3f8-1f43ew,1f440w,1f442-1f4fcw,1f4ff-"
            + "1f53dw,1f54b-1f54ew,1f550-1f567w,1f57aw,1f595-1f596w,1f5a4w,1f5fb-1f64fw,1f680-1f6c5w,1f6ccw,1f6d0-1"
            + "f6d2w,1f6d5-1f6d7w,1f6dd-1f6dfw,1f6eb-1f6ecw,1f6f4-1f6fcw,1f7e0-1f7ebw,1f7f0w,1f90c-1f93aw,1f93c-1f9"
            + "45w,1f947-1f9ffw,1fa70-1fa74w,1fa78-1fa7cw,1fa80-1fa86w,1fa90-1faacw,1fab0-1fabaw,1fac0-1fac5w,1fad0"
            + "-1fad9w,1fae0-1fae7w,1faf0-1faf6w,20000-2a6dfw,2a700-2b738w,2b740-2b81dw,2b820-2cea1w,2ceb0-2ebe0w,2"
            + "f800-2fa1dw,30000-3134aw,e0001z,e0020-e007fz,e0100-e01efz";

    private static final int[] STARTS, ENDS;
    private static final byte[] WIDTHS;

    static {
        String[] parts = RANGES.split(",");
        STARTS = new int[parts.length];
        ENDS = new int[parts.length];
        WIDTHS = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            WIDTHS[i] = (byte) (p.charAt(p.length() - 1) == 'z' ? 0 : 2);
            String range = p.substring(0, p.length() - 1);
            int dash = range.indexOf('-');
            STARTS[i] = Integer.parseInt(dash < 0 ? range : range.substring(0, dash), 16);
            ENDS[i] = dash < 0 ? STARTS[i] : Integer.parseInt(range.substring(dash + 1), 16);
        }
    }

    private CharWidth() {}

    /** 0, 1 or 2 columns. */
    static int of(int cp) {
        if (cp < 0x300) {
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
