package bench.peers;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.Set;

/**
 * The facts of one import declaration as the selectivity engine sees them
 * (libs/selectivity/src/facts.ts, CRITERION_FACT_SPECS), typed: codes and ids as String
 * (sellerId and courierId may be null), amounts as double (taxRate percent, netMassKg kg,
 * itemPriceKrw KRW), unitPriceKrwPerKg as a Double that is null when the net mass is 0, and
 * {@code words}: the goods description's word tokens as our containsAnyKeyword sees them.
 * Read from the orchestrator's facts file by Jackson (fields; an unknown field is an error);
 * the getters are what DRL constraints read.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DeclFacts {
    private String declarationId;
    private String date;
    private String officeId;
    private String processType;
    private String importType;
    private String importUse;
    private String paymentType;
    private String transportMode;
    private String declarantId;
    private String importerId;
    private String sellerId;
    private String courierId;
    private String hsCode;
    private String hsChapter;
    private String hsHeading;
    private String departureCountry;
    private String originCountry;
    private double taxRate;
    private String taxType;
    private String originIndicator;
    private double netMassKg;
    private double itemPriceKrw;
    private Double unitPriceKrwPerKg;
    private String goodsDescription;
    private Set<String> words;

    public String getDeclarationId() { return declarationId; }
    public String getDate() { return date; }
    public String getOfficeId() { return officeId; }
    public String getProcessType() { return processType; }
    public String getImportType() { return importType; }
    public String getImportUse() { return importUse; }
    public String getPaymentType() { return paymentType; }
    public String getTransportMode() { return transportMode; }
    public String getDeclarantId() { return declarantId; }
    public String getImporterId() { return importerId; }
    public String getSellerId() { return sellerId; }
    public String getCourierId() { return courierId; }
    public String getHsCode() { return hsCode; }
    public String getHsChapter() { return hsChapter; }
    public String getHsHeading() { return hsHeading; }
    public String getDepartureCountry() { return departureCountry; }
    public String getOriginCountry() { return originCountry; }
    public double getTaxRate() { return taxRate; }
    public String getTaxType() { return taxType; }
    public String getOriginIndicator() { return originIndicator; }
    public double getNetMassKg() { return netMassKg; }
    public double getItemPriceKrw() { return itemPriceKrw; }
    public Double getUnitPriceKrwPerKg() { return unitPriceKrwPerKg; }
    public String getGoodsDescription() { return goodsDescription; }
    public Set<String> getWords() { return words; }
}
