package com.skylinksync.sandbox.retailexpress;

import com.skylinksync.sandbox.retailexpress.soap.ArrayOfInt;
import com.skylinksync.sandbox.retailexpress.soap.ChangeSetProcessedResponse.ChangeSetProcessedResult;
import com.skylinksync.sandbox.retailexpress.soap.CustomerCreateUpdateResponse.CustomerCreateUpdateResult;
import com.skylinksync.sandbox.retailexpress.soap.EcommerceServiceSoap;
import com.skylinksync.sandbox.retailexpress.soap.GetAllPriceGroupsResponse.GetAllPriceGroupsResult;
import com.skylinksync.sandbox.retailexpress.soap.GetAllProductAttributesResponse.GetAllProductAttributesResult;
import com.skylinksync.sandbox.retailexpress.soap.GetCustomerIdsResponse.GetCustomerIdsResult;
import com.skylinksync.sandbox.retailexpress.soap.GetCustomersResponse.GetCustomersResult;
import com.skylinksync.sandbox.retailexpress.soap.GetOrderResponse.GetOrderResult;
import com.skylinksync.sandbox.retailexpress.soap.GetOutletsByChannelResponse.GetOutletsByChannelResult;
import com.skylinksync.sandbox.retailexpress.soap.GetPaymentMethodsResponse.GetPaymentMethodsResult;
import com.skylinksync.sandbox.retailexpress.soap.GetProductEtaDateByChannelResponse.GetProductEtaDateByChannelResult;
import com.skylinksync.sandbox.retailexpress.soap.GetProductIdsByChannelResponse.GetProductIdsByChannelResult;
import com.skylinksync.sandbox.retailexpress.soap.GetProductsByChannelResponse.GetProductsByChannelResult;
import com.skylinksync.sandbox.retailexpress.soap.GetVoucherBalanceResponse.GetVoucherBalanceResult;
import com.skylinksync.sandbox.retailexpress.soap.OrderAddPaymentResponse.OrderAddPaymentResult;
import com.skylinksync.sandbox.retailexpress.soap.OrderCreateByChannelResponse.OrderCreateByChannelResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The simulated RE V2 service on the client's own WSDL. Authentication and the journal are done before any of
 * this runs ({@link ClientHeaderCheck}); each operation only answers RE's result document. Public only because
 * the JAX-WS runtime invokes it reflectively; its constructor stays package-private.
 */
@WebService(endpointInterface = "com.skylinksync.sandbox.retailexpress.soap.EcommerceServiceSoap",
        targetNamespace = "http://retailexpress.com.au/", serviceName = "EcommerceService",
        portName = "EcommerceServiceSoap12")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public class SimulatedEcommerceService implements EcommerceServiceSoap {

    private final CustomerOperations customers;
    private final ProductOperations products;
    private final OrderOperations orders;
    private final ReferenceOperations reference;
    private final CallJournal journal;

    SimulatedEcommerceService(CustomerOperations customers, ProductOperations products, OrderOperations orders,
                              ReferenceOperations reference, CallJournal journal) {
        this.customers = customers;
        this.products = products;
        this.orders = orders;
        this.reference = reference;
        this.journal = journal;
    }

    @Override
    public GetCustomerIdsResult getCustomerIds(Boolean onlyCustomersForExport, Boolean onlyCustomersWithEmails) {
        GetCustomerIdsResult result = new GetCustomerIdsResult();
        result.setAny(customers.getCustomerIds(onlyCustomersForExport, onlyCustomersWithEmails));
        return result;
    }

    @Override
    public GetCustomersResult getCustomers(ArrayOfInt customerIds) {
        GetCustomersResult result = new GetCustomersResult();
        result.setAny(customers.getCustomers(customerIds == null ? List.of() : customerIds.getInt()));
        return result;
    }

    @Override
    public CustomerCreateUpdateResult customerCreateUpdate(String customerXML) {
        CustomerCreateUpdateResult result = new CustomerCreateUpdateResult();
        result.setAny(customers.createOrUpdate(customerXML));
        return result;
    }

    @Override
    public ChangeSetProcessedResult changeSetProcessed(String changesetId) {
        journal.changeSetProcessed(changesetId == null ? "" : changesetId);
        ResponseDocument response = new ResponseDocument();
        response.text(response.root(), "Result", "Success");
        ChangeSetProcessedResult result = new ChangeSetProcessedResult();
        result.setAny(response.root());
        return result;
    }

    @Override
    public GetAllPriceGroupsResult getAllPriceGroups() {
        GetAllPriceGroupsResult result = new GetAllPriceGroupsResult();
        result.setAny(reference.getAllPriceGroups());
        return result;
    }

    @Override
    public GetAllProductAttributesResult getAllProductAttributes() {
        GetAllProductAttributesResult result = new GetAllProductAttributesResult();
        result.setAny(reference.getAllProductAttributes());
        return result;
    }

    @Override
    public GetProductIdsByChannelResult getProductIdsByChannel(Integer channelId) {
        GetProductIdsByChannelResult result = new GetProductIdsByChannelResult();
        result.setAny(products.getProductIdsByChannel(channelId));
        return result;
    }

    @Override
    public GetProductsByChannelResult getProductsByChannel(ArrayOfInt productIds, Integer channelId) {
        GetProductsByChannelResult result = new GetProductsByChannelResult();
        result.setAny(products.getProductsByChannel(productIds == null ? List.of() : productIds.getInt(), channelId));
        return result;
    }

    @Override
    public GetProductEtaDateByChannelResult getProductEtaDateByChannel(Integer channelId, String requestXML) {
        GetProductEtaDateByChannelResult result = new GetProductEtaDateByChannelResult();
        result.setAny(products.getProductEtaDateByChannel(channelId, requestXML));
        return result;
    }

    @Override
    public GetOutletsByChannelResult getOutletsByChannel(Integer channelId) {
        GetOutletsByChannelResult result = new GetOutletsByChannelResult();
        result.setAny(reference.getOutletsByChannel(channelId));
        return result;
    }

    @Override
    public OrderCreateByChannelResult orderCreateByChannel(Integer channelId, String orderXML) {
        OrderCreateByChannelResult result = new OrderCreateByChannelResult();
        result.setAny(orders.create(channelId, orderXML));
        return result;
    }

    @Override
    public GetOrderResult getOrder(String orderId) {
        GetOrderResult result = new GetOrderResult();
        result.setAny(orders.getOrder(orderId));
        return result;
    }

    @Override
    public OrderAddPaymentResult orderAddPayment(String orderPaymentXML) {
        OrderAddPaymentResult result = new OrderAddPaymentResult();
        result.setAny(orders.addPayment(orderPaymentXML));
        return result;
    }

    @Override
    public GetPaymentMethodsResult getPaymentMethods() {
        GetPaymentMethodsResult result = new GetPaymentMethodsResult();
        result.setAny(reference.getPaymentMethods());
        return result;
    }

    @Override
    public GetVoucherBalanceResult getVoucherBalance(String voucherCode) {
        GetVoucherBalanceResult result = new GetVoucherBalanceResult();
        result.setAny(reference.getVoucherBalance(voucherCode));
        return result;
    }
}
