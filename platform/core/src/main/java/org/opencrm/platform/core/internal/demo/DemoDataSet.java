package org.opencrm.platform.core.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic generator of realistic Chinese CRM seed data (a distributor / store hierarchy,
 * consumers and their activities). JDK only, so it can run anywhere (tests, Karaf shell, load tools).
 *
 * <p>Everything is a pure function of the constructor seed. Contacts and activities are derived
 * per index from their own random stream, so {@link #contact(int)} can stream millions of contacts
 * without holding any of them, and {@code activities(n)} is always a prefix of {@code activities(n + k)}.
 */
public final class DemoDataSet {

    public record AccountSeed(String key, String parentKey, String name, String type,
                              String region, String province, String city) {
    }

    public record ContactSeed(String name, String mobile, String email, String gender, LocalDate birthday,
                              String province, String city, String district, String street,
                              String accountKey, List<String> tags, String householdKey) {
        public ContactSeed {
            tags = List.copyOf(tags);
        }
    }

    public record ActivitySeed(int contactIndex, String type, String subject, LocalDate dueDate, String status) {
    }

    /** Ages and past dates are relative to this day so the data does not drift with the wall clock. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);

    // ---- reference data -------------------------------------------------------------------------

    /** "province|sales region|city:district,district;city:..." - real names; municipalities have one city. */
    private static final String[] GEO = {
        "北京市|NORTH|北京市:朝阳区,海淀区,东城区,丰台区",
        "天津市|NORTH|天津市:和平区,南开区,河西区,滨海新区",
        "河北省|NORTH|石家庄市:长安区,桥西区,裕华区;保定市:竞秀区,莲池区;唐山市:路北区,路南区,丰润区",
        "山西省|NORTH|太原市:小店区,迎泽区,杏花岭区;大同市:平城区,云冈区",
        "内蒙古自治区|NORTH|呼和浩特市:新城区,回民区,赛罕区;包头市:昆都仑区,青山区,东河区",
        "辽宁省|NORTHEAST|沈阳市:和平区,沈河区,皇姑区,铁西区;大连市:中山区,西岗区,沙河口区,甘井子区",
        "吉林省|NORTHEAST|长春市:朝阳区,南关区,宽城区;吉林市:船营区,昌邑区,丰满区",
        "黑龙江省|NORTHEAST|哈尔滨市:南岗区,道里区,香坊区;大庆市:萨尔图区,让胡路区,龙凤区",
        "上海市|EAST|上海市:浦东新区,徐汇区,静安区,闵行区",
        "江苏省|EAST|南京市:玄武区,秦淮区,鼓楼区,建邺区;苏州市:姑苏区,吴中区,相城区,吴江区;无锡市:梁溪区,滨湖区,新吴区",
        "浙江省|EAST|杭州市:西湖区,上城区,拱墅区,滨江区;宁波市:海曙区,江北区,鄞州区;温州市:鹿城区,龙湾区,瓯海区",
        "安徽省|EAST|合肥市:蜀山区,包河区,庐阳区,瑶海区;芜湖市:镜湖区,鸠江区,弋江区",
        "福建省|EAST|福州市:鼓楼区,台江区,仓山区,晋安区;厦门市:思明区,湖里区,集美区;泉州市:鲤城区,丰泽区,洛江区",
        "江西省|EAST|南昌市:东湖区,西湖区,青山湖区;赣州市:章贡区,南康区,赣县区",
        "山东省|EAST|济南市:历下区,市中区,槐荫区,天桥区;青岛市:市南区,市北区,崂山区,黄岛区;烟台市:芝罘区,莱山区,福山区",
        "河南省|CENTRAL|郑州市:金水区,二七区,中原区,管城回族区;洛阳市:西工区,老城区,洛龙区",
        "湖北省|CENTRAL|武汉市:江汉区,武昌区,洪山区,江岸区;宜昌市:西陵区,伍家岗区,夷陵区;襄阳市:襄城区,樊城区,襄州区",
        "湖南省|CENTRAL|长沙市:芙蓉区,天心区,岳麓区,开福区;株洲市:天元区,芦淞区,荷塘区",
        "广东省|SOUTH|广州市:天河区,越秀区,海珠区,白云区;深圳市:福田区,南山区,罗湖区,宝安区;佛山市:禅城区,南海区,顺德区;珠海市:香洲区,斗门区,金湾区",
        "广西壮族自治区|SOUTH|南宁市:青秀区,兴宁区,西乡塘区;桂林市:秀峰区,象山区,七星区;柳州市:城中区,鱼峰区,柳南区",
        "海南省|SOUTH|海口市:龙华区,美兰区,秀英区;三亚市:吉阳区,天涯区,海棠区",
        "重庆市|SOUTHWEST|重庆市:渝中区,江北区,南岸区,沙坪坝区",
        "四川省|SOUTHWEST|成都市:锦江区,青羊区,武侯区,成华区;绵阳市:涪城区,游仙区;宜宾市:翠屏区,叙州区,南溪区",
        "贵州省|SOUTHWEST|贵阳市:南明区,云岩区,观山湖区;遵义市:红花岗区,汇川区,播州区",
        "云南省|SOUTHWEST|昆明市:五华区,盘龙区,官渡区,西山区;曲靖市:麒麟区,沾益区,马龙区",
        "陕西省|NORTHWEST|西安市:雁塔区,碑林区,新城区,未央区;宝鸡市:渭滨区,金台区,陈仓区;咸阳市:秦都区,渭城区",
        "甘肃省|NORTHWEST|兰州市:城关区,七里河区,安宁区;天水市:秦州区,麦积区",
        "宁夏回族自治区|NORTHWEST|银川市:兴庆区,金凤区,西夏区;石嘴山市:大武口区,惠农区",
        "新疆维吾尔自治区|NORTHWEST|乌鲁木齐市:天山区,沙依巴克区,新市区;克拉玛依市:克拉玛依区,独山子区,白碱滩区",
    };

    /** One provincial distributor per group; the first province hosts its head office. */
    private static final String[] DISTRIBUTION_GROUPS = {
        "北京市,天津市,河北省,山西省,内蒙古自治区",
        "辽宁省,吉林省,黑龙江省",
        "上海市,江苏省,浙江省,安徽省,山东省",
        "广东省,广西壮族自治区,海南省,福建省,江西省",
        "湖北省,湖南省,河南省",
        "四川省,重庆市,贵州省,云南省,陕西省,甘肃省,宁夏回族自治区,新疆维吾尔自治区",
    };

    private static final String[] BRANDS = {"华通", "鑫达", "众联", "恒信"};
    private static final String[] TRADE_NAMES = split("恒达 鼎盛 瑞丰 金鹏 宏远 佳信 永泰 盛世 华瑞 天和 联创 博远 通达 汇通 锦程 "
            + "正信 广信 中邦 亿家 星辉 凯瑞 润达 顺发 和信 远航 安达 万通 海纳 弘毅 嘉和 乐享 新纪元");
    private static final String[] LANDMARKS = split("万达广场 银泰城 步行街 文化广场 吾悦广场 万象城 龙湖天街 火车站 大学城 "
            + "新天地 中心广场 百货大楼 印象城 凯德广场 苏宁广场 宝龙广场");

    /** Most common surnames in frequency order (weighted pick below relies on the order). */
    private static final String[] SURNAMES = split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 郑 梁 谢 宋 "
            + "唐 许 韩 邓 冯 曹 彭 曾 肖 田 董 潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 "
            + "金 韦 贾 夏 付 方 邹 熊 白 孟 秦 邱 侯 江 尹 薛 闫 段 雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵 万 覃 武 钱 戴 严 莫 孔 "
            + "向 常 汤 康 易 乔 赖 文 施 洪 辛 柯 庄");
    /** Compound surnames are rare (well under 1%), so they are drawn separately instead of from the skewed list. */
    private static final String[] COMPOUND_SURNAMES = {"欧阳", "上官", "诸葛", "司马", "司徒"};
    private static final String[] MALE_CHARS = chars("伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国峰亮"
            + "成东海志文博晨睿轩子然航泽瑞天嘉毅诚振德彬昊哲鸿祥宏兵锋松晖春坤翔宸奕铭翰霖皓逸景煜晟远永");
    private static final String[] FEMALE_CHARS = chars("芳娜敏静丽艳娟霞燕玲婷雪慧莹琳倩颖洁丹红梅萍琴云兰凤佳欣怡雨思涵梓萱"
            + "诗琪悦晶月彤妍媛露秀英桂珍玉淑蓉薇岚菲晓璐瑶婉馨蕾琦茜婕娅雯霏语可心蕊婧嫣莉娇瑾琼曼娴璇钰萌楠潇翠芬芸莎");

    /**
     * Real mainland mobile prefixes, all distinct. There are 39 of them and an int index spans at most
     * 22 blocks of 10^8 (see {@link #mobileNumber(int)}), which is what makes every index unique.
     */
    private static final int[] PREFIXES = {
        130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166,
        170, 171, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 198, 199,
    };
    private static final int SUBSCRIBERS = 100_000_000; // 8 subscriber digits
    private static final int HALF = 10_000;             // Feistel works on two 4-digit halves

    private static final String[] MAIL_DOMAINS = {"qq.com", "163.com", "126.com", "sina.com", "foxmail.com"};
    private static final String[] ROADS = split("人民路 解放路 中山路 建设路 和平路 新华路 胜利路 文化路 青年路 长江路 黄河路 "
            + "朝阳路 光明路 东风路 延安路 文三路 学院路 科技路 幸福路 工业路 迎宾路 北京路 南京路 滨江大道 世纪大道 花园路 "
            + "府前街 友谊路 振兴路 体育路");
    private static final String[] TAGS = {"VIP", "以旧换新", "老客户", "企业客户", "潜在客户", "会员", "延保用户"};

    private static final String[] ACTIVITY_TYPES = {"CALL", "VISIT", "EMAIL", "SMS", "TASK", "NOTE"};
    private static final int[] ACTIVITY_WEIGHTS = {30, 15, 10, 15, 20, 10}; // percent, phone dominates retail CRM
    private static final String[][] SUBJECTS = {
        split("回访：新机使用情况 售后回访：维修满意度 以旧换新活动邀约 会员积分到期提醒 5G套餐升级意向沟通 延保服务续费确认 新品预约登记"),
        split("到店体验新品 到店取机 门店送修 到店办理以旧换新 上门安装调试 到店领取会员礼品"),
        split("电子发票发送 会员月度账单 新品预售通知 延保合同确认 售后服务满意度调查"),
        split("到店取机提醒 维修进度通知 生日祝福及优惠券 以旧换新补贴到账通知 会员日活动通知"),
        split("整理客户购机档案 跟进维修配件到货 准备以旧换新评估报价 核对分期付款资料 安排上门服务工程师"),
        split("客户偏好大屏机型 客户对价格较敏感 客户家人也在本店购机 客户咨询企业批量采购 客户反馈电池续航问题"),
    };

    // Salts keep the per-index random streams of the different generators independent.
    private static final long SALT_ACCOUNTS = 0x4143434f554e5453L;
    private static final long SALT_CONTACT = 0x434f4e5441435453L;
    private static final long SALT_HOUSEHOLD = 0x484f555345484f4cL;
    private static final long SALT_ACTIVITY = 0x4143544956495459L;
    private static final long SALT_MOBILE = 0x4d4f42494c455331L;

    private record City(String name, String[] districts) {
    }

    private record Province(String name, String region, City[] cities) {
    }

    private static final List<Province> PROVINCES = parseGeo();

    // ---- instance state --------------------------------------------------------------------------

    private final long seed;
    private final String brand;
    private final long prefixKey;
    private final long[] feistelKeys = new long[4];
    private final List<AccountSeed> accounts;
    /** STORE / SERVICE_PROVIDER keys a contact may belong to, by province, by sales region and all of them. */
    private final Map<String, List<String>> outletsByProvince = new HashMap<>();
    private final Map<String, List<String>> outletsByRegion = new HashMap<>();
    private final List<String> allOutlets = new ArrayList<>();

    public DemoDataSet(long seed) {
        this.seed = seed;
        this.brand = BRANDS[Math.floorMod(mix64(seed ^ SALT_ACCOUNTS), BRANDS.length)];
        this.prefixKey = mix64(seed ^ SALT_MOBILE);
        for (int k = 0; k < feistelKeys.length; k++) {
            feistelKeys[k] = mix64(prefixKey + k + 1);
        }
        this.accounts = Collections.unmodifiableList(buildAccounts());
        for (AccountSeed a : accounts) {
            if (a.type().equals("STORE") || a.type().equals("SERVICE_PROVIDER")) {
                outletsByProvince.computeIfAbsent(a.province(), p -> new ArrayList<>()).add(a.key());
                outletsByRegion.computeIfAbsent(a.region(), r -> new ArrayList<>()).add(a.key());
                allOutlets.add(a.key());
            }
        }
    }

    public long seed() {
        return seed;
    }

    /** The account hierarchy; parents always precede their children. */
    public List<AccountSeed> accounts() {
        return accounts;
    }

    private List<AccountSeed> buildAccounts() {
        SplittableRandom r = stream(SALT_ACCOUNTS, 0);
        List<AccountSeed> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Province gd = province("广东省");
        String national = "NAT-01";
        out.add(new AccountSeed(national, null, brand + "通讯器材有限公司", "NATIONAL_DISTRIBUTOR", gd.region(), gd.name(), "深圳市"));

        List<AccountSeed> provincials = new ArrayList<>();
        List<AccountSeed> regionals = new ArrayList<>();
        for (int g = 0; g < DISTRIBUTION_GROUPS.length; g++) {
            List<String> group = new ArrayList<>(List.of(DISTRIBUTION_GROUPS[g].split(",")));
            Province hq = province(group.get(0));
            String hqCity = hq.cities()[0].name(); // head office sits in the capital
            AccountSeed prov = new AccountSeed("PRV-%02d".formatted(g + 1), national,
                    uniqueName(r, names, shortCity(hqCity), "通讯设备有限公司"), "PROVINCIAL_DISTRIBUTOR", hq.region(), hq.name(), hqCity);
            out.add(prov);
            provincials.add(prov);
            shuffle(group.subList(1, group.size()), r); // the head-office province always gets a sub-distributor
            int regionalCount = Math.min(group.size(), 2 + r.nextInt(2));
            for (int i = 0; i < regionalCount; i++) { // distinct provinces, hence distinct cities
                Province p = province(group.get(i));
                City c = pick(p.cities(), r);
                AccountSeed reg = new AccountSeed("REG-%02d-%d".formatted(g + 1, i + 1), prov.key(),
                        uniqueName(r, names, shortCity(c.name()), "通讯器材有限公司"), "REGIONAL_DISTRIBUTOR", p.region(), p.name(), c.name());
                out.add(reg);
                regionals.add(reg);
                int stores = 3 + r.nextInt(4);
                for (int s = 0; s < stores; s++) {
                    String name;
                    do {
                        name = brand + "手机 " + shortCity(c.name()) + shortDistrict(pick(c.districts(), r)) + pick(LANDMARKS, r) + "店";
                    } while (!names.add(name));
                    out.add(new AccountSeed(reg.key() + "-S%02d".formatted(s + 1), reg.key(), name, "STORE", p.region(), p.name(), c.name()));
                }
            }
        }
        // One authorised service centre per provincial distributor, somewhere in its territory.
        for (int g = 0; g < provincials.size(); g++) {
            Province p = province(pick(DISTRIBUTION_GROUPS[g].split(","), r));
            City c = pick(p.cities(), r);
            String name;
            do {
                name = brand + "授权服务中心（" + shortCity(c.name()) + shortDistrict(pick(c.districts(), r)) + "）";
            } while (!names.add(name));
            out.add(new AccountSeed("SVC-%02d".formatted(g + 1), provincials.get(g).key(), name, "SERVICE_PROVIDER", p.region(), p.name(), c.name()));
        }
        // Franchisees are local trading companies contracted by a regional distributor.
        for (int f = 0; f < 4; f++) {
            AccountSeed reg = pick(regionals, r);
            out.add(new AccountSeed("FRA-%02d".formatted(f + 1), reg.key(), uniqueName(r, names, shortCity(reg.city()), "商贸有限公司"),
                    "FRANCHISEE", reg.region(), reg.province(), reg.city()));
        }
        return out;
    }

    /**
     * Contact number {@code index}: a pure function of (seed, index). Members of one household
     * (consecutive indexes) draw address, account and family traits from a shared household stream.
     */
    public ContactSeed contact(int index) {
        requireIndex(index);
        SplittableRandom own = stream(SALT_CONTACT, index);
        // Indexes are grouped in triples; 12% of triples form a family of 2 or 3, i.e. ~10% of contacts.
        int triple = index / 3;
        int position = index % 3;
        SplittableRandom household = stream(SALT_HOUSEHOLD, triple);
        boolean familyTriple = household.nextDouble() < 0.12;
        int familySize = 2 + household.nextInt(2);
        boolean family = familyTriple && position < familySize;
        SplittableRandom shared = family ? household : own;

        Province p = pick(PROVINCES, shared);
        City c = pick(p.cities(), shared);
        String district = pick(c.districts(), shared);
        String street = pick(ROADS, shared) + " " + (1 + shared.nextInt(999)) + " 号";
        if (shared.nextBoolean()) { // half live in residential compounds
            street += " " + (1 + shared.nextInt(30)) + " 幢 " + (1 + shared.nextInt(32)) + "0" + (1 + shared.nextInt(6)) + " 室";
        }
        String accountKey = null;
        if (shared.nextDouble() < 0.6) {
            // nearest outlets available: same province, else same sales region, else anywhere
            List<String> outlets = outletsByProvince.getOrDefault(p.name(), outletsByRegion.getOrDefault(p.region(), allOutlets));
            accountKey = pick(outlets, shared);
        }

        String gender;
        String surname;
        int age;
        if (family) {
            // Father, mother (Chinese wives keep their own surname), then an adult child with the father's surname.
            String familySurname = surname(household);
            String motherSurname = surname(household);
            int fatherAge = household.nextInt(42, 66);
            int motherAge = fatherAge - household.nextInt(-2, 6);
            int childAge = household.nextInt(18, fatherAge - 23);
            switch (position) {
                case 0 -> { gender = "MALE"; surname = familySurname; age = fatherAge; }
                case 1 -> { gender = "FEMALE"; surname = motherSurname; age = motherAge; }
                default -> { gender = own.nextBoolean() ? "MALE" : "FEMALE"; surname = familySurname; age = childAge; }
            }
        } else {
            gender = own.nextInt(100) < 51 ? "MALE" : "FEMALE";
            surname = surname(own);
            age = 18 + (int) ((own.nextDouble() + own.nextDouble()) / 2 * 58); // 18..75, peaks in the mid-40s
        }
        String[] pool = gender.equals("MALE") ? MALE_CHARS : FEMALE_CHARS;
        String name = surname + pick(pool, own) + (own.nextInt(100) < 75 ? pick(pool, own) : ""); // most modern names are 2 chars

        String email = own.nextDouble() < 0.4 ? "user" + index + "@" + pick(MAIL_DOMAINS, own) : null; // index keeps it unique
        LocalDate birthday = own.nextDouble() < 0.7 ? REFERENCE_DATE.minusYears(age).minusDays(own.nextInt(365)) : null;
        double t = own.nextDouble();
        int tagCount = t < 0.45 ? 0 : t < 0.85 ? 1 : 2;
        Set<String> tags = new LinkedHashSet<>();
        while (tags.size() < tagCount) {
            tags.add(pick(TAGS, own));
        }
        return new ContactSeed(name, mobile(index), email, gender, birthday, p.name(), c.name(), district, street,
                accountKey, List.copyOf(tags), family ? "HH-" + triple : null);
    }

    /** The mobile of contact {@code index}. */
    String mobile(int index) {
        return Long.toString(mobileNumber(index));
    }

    /**
     * Unique for every non-negative int index (not just the first 10^7):
     * write index = block * 10^8 + rest. The 8 subscriber digits are a keyed Feistel permutation of
     * {@code rest}, a bijection on [0, 10^8), so indexes with different {@code rest} get different digits.
     * Indexes with equal {@code rest} differ in {@code block} (0..21) and get prefix positions
     * (h(rest) + block) mod 39, which are all distinct because 21 < 39. The permutation scatters
     * consecutive indexes so the numbers do not look sequential.
     */
    long mobileNumber(int index) {
        requireIndex(index);
        int block = index / SUBSCRIBERS;
        int rest = index % SUBSCRIBERS;
        int prefix = PREFIXES[(Math.floorMod(mix64(prefixKey ^ rest), PREFIXES.length) + block) % PREFIXES.length];
        return prefix * (long) SUBSCRIBERS + feistel(rest);
    }

    /** Balanced Feistel network on two 4-digit halves; each round (l, r) -> (r, l + F(r) mod 10^4) is invertible. */
    private int feistel(int x) {
        int left = x / HALF;
        int right = x % HALF;
        for (long key : feistelKeys) {
            int next = (left + Math.floorMod(mix64(key ^ right), HALF)) % HALF;
            left = right;
            right = next;
        }
        return left * HALF + right;
    }

    /** About 1.5 activities per contact for contacts 0..contactCount-1, each contact from its own stream. */
    public List<ActivitySeed> activities(int contactCount) {
        List<ActivitySeed> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, contactCount * 3L / 2 + 16));
        for (int i = 0; i < contactCount; i++) {
            SplittableRandom r = stream(SALT_ACTIVITY, i);
            double d = r.nextDouble();
            int n = d < 0.15 ? 0 : d < 0.5 ? 1 : d < 0.85 ? 2 : 3; // mean 1.5
            for (int k = 0; k < n; k++) {
                out.add(activity(i, r));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static ActivitySeed activity(int contactIndex, SplittableRandom r) {
        int roll = r.nextInt(100);
        int t = 0;
        while (roll >= ACTIVITY_WEIGHTS[t]) {
            roll -= ACTIVITY_WEIGHTS[t++];
        }
        String type = ACTIVITY_TYPES[t];
        String subject = pick(SUBJECTS[t], r);
        if (type.equals("NOTE")) { // notes are records, not to-dos
            return new ActivitySeed(contactIndex, type, subject, null, "DONE");
        }
        double s = r.nextDouble();
        String status = s < 0.35 ? "OPEN" : s < 0.9 ? "DONE" : "CANCELLED";
        LocalDate due;
        if (status.equals("OPEN")) {
            due = LocalDate.of(2026, 11, 1).plusDays(r.nextInt(-10, 45)); // upcoming work around November 2026
        } else {
            due = r.nextDouble() < 0.6 ? REFERENCE_DATE.plusDays(r.nextInt(304)) : null; // Jan..Oct 2026
        }
        return new ActivitySeed(contactIndex, type, subject, due, status);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /**
     * Weights ~ 1 / (rank + 3) over the frequency-ordered list, sampled by inverting the continuous CDF:
     * 王 ~8%, top 3 ~19%, top 20 ~56%, close to census figures.
     */
    private static String surname(SplittableRandom r) {
        if (r.nextInt(1000) < 3) {
            return pick(COMPOUND_SURNAMES, r);
        }
        double c = 3;
        int rank = (int) (c * Math.pow((SURNAMES.length + c) / c, r.nextDouble()) - c);
        return SURNAMES[Math.min(rank, SURNAMES.length - 1)];
    }

    private static String uniqueName(SplittableRandom r, Set<String> names, String prefix, String suffix) {
        String name;
        do {
            name = prefix + pick(TRADE_NAMES, r) + suffix;
        } while (!names.add(name));
        return name;
    }

    /** An independent stream per (generator, index); mix64 is a bijection, so distinct indexes get distinct seeds. */
    private SplittableRandom stream(long salt, long index) {
        return new SplittableRandom(mix64(mix64(seed ^ salt) + index * 0x9e3779b97f4a7c15L));
    }

    /** SplitMix64 finaliser (Stafford variant 13). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static void requireIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
    }

    private static <T> T pick(T[] values, SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T pick(List<T> values, SplittableRandom r) {
        return values.get(r.nextInt(values.size()));
    }

    private static <T> void shuffle(List<T> list, SplittableRandom r) { // Collections.shuffle wants a java.util.Random
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, r.nextInt(i + 1));
        }
    }

    private static String shortCity(String city) {
        return city.endsWith("市") ? city.substring(0, city.length() - 1) : city;
    }

    private static String shortDistrict(String district) {
        for (String suffix : new String[] {"回族区", "新区", "区"}) {
            if (district.endsWith(suffix) && district.length() > suffix.length() + 1) {
                return district.substring(0, district.length() - suffix.length());
            }
        }
        return district;
    }

    private static Province province(String name) {
        for (Province p : PROVINCES) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException("unknown province " + name);
    }

    private static List<Province> parseGeo() {
        List<Province> out = new ArrayList<>();
        for (String row : GEO) {
            String[] parts = row.split("\\|");
            String[] cityRows = parts[2].split(";");
            City[] cities = new City[cityRows.length];
            for (int i = 0; i < cityRows.length; i++) {
                String[] c = cityRows[i].split(":");
                cities[i] = new City(c[0], c[1].split(","));
            }
            out.add(new Province(parts[0], parts[1], cities));
        }
        return List.copyOf(out);
    }

    private static String[] split(String spaceSeparated) {
        return spaceSeparated.split(" ");
    }

    private static String[] chars(String s) {
        return s.codePoints().distinct().mapToObj(Character::toString).toArray(String[]::new);
    }
}
