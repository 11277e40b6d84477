package org.reeltrace.chain.contract;

import io.reactivex.Flowable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import javax.annotation.processing.Generated;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.RemoteCall;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.BaseEventResponse;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple3;
import org.web3j.tx.Contract;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * <p>Auto generated code.
 * <p><strong>Do not modify!</strong>
 * <p>Please use the <a href="https://docs.web3j.io/command_line.html">web3j command line tools</a>,
 * or the org.web3j.codegen.SolidityFunctionWrapperGenerator in the 
 * <a href="https://github.com/LFDT-web3j/web3j/tree/main/codegen">codegen module</a> to update.
 *
 * <p>Generated with web3j version 5.0.1.
 */
@SuppressWarnings("rawtypes")
@Generated("org.web3j.codegen.SolidityFunctionWrapperGenerator")
public class ReeltraceRegistry extends Contract {
    public static final String BINARY = "6080604052348015600e575f5ffd5b506104bb8061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610055575f3560e01c80631a8512ea146100595780632c601c191461006e5780635e594030146100815780638e9f606514610094578063cf4ff901146100d9575b5f5ffd5b61006c6100673660046103b2565b610145565b005b61006c61007c366004610429565b61025c565b61006c61008f366004610440565b6102f3565b6100bc6100a2366004610429565b5f908152600160205260409020546001600160a01b031690565b6040516001600160a01b0390911681526020015b60405180910390f35b6101216100e7366004610429565b5f9081526020819052604090205465ffffffffffff808216926601000000000000830490911691600160601b90046001600160a01b031690565b6040805193845260208401929092526001600160a01b0316908201526060016100d0565b5f838152602081905260409020805465ffffffffffff161561019357805460405163197052c760e31b81526004810186905265ffffffffffff90911660248201526044015b60405180910390fd5b6040805160608101825265ffffffffffff4281811683524382166020808501918252338587018181525f8c8152928390529187902095518654935192516001600160a01b0316600160601b026bffffffffffffffffffffffff9387166601000000000000026bffffffffffffffffffffffff199095169190961617929092171692909217909255915186917ff2ce3903a706d4d3799fc814d90e6026d0746194e22c1fda1cbfa2b8b6bf01f99161024e919088908890610479565b60405180910390a350505050565b5f818152600160205260409020546001600160a01b031680156102a457604051634b94324560e01b8152600481018390526001600160a01b038216602482015260440161018a565b5f8281526001602052604080822080546001600160a01b031916339081179091559051909184917ffc848b498ea990a6bfc4fc27217451130ef0f67224d52d88e76898388463d46d9190a35050565b5f828152600160205260409020546001600160a01b03163314610332576040516362521f6b60e11b81526004810183905233602482015260440161018a565b6001600160a01b0381166103595760405163d92e233d60e01b815260040160405180910390fd5b5f8281526001602052604080822080546001600160a01b0319166001600160a01b03851690811790915590519091339185917f9dafd6776aa4531a2629356dba55fe7f7a73d0911e431083801215de458a6b9291a45050565b5f5f5f604084860312156103c4575f5ffd5b83359250602084013567ffffffffffffffff8111156103e1575f5ffd5b8401601f810186136103f1575f5ffd5b803567ffffffffffffffff811115610407575f5ffd5b866020828401011115610418575f5ffd5b939660209190910195509293505050565b5f60208284031215610439575f5ffd5b5035919050565b5f5f60408385031215610451575f5ffd5b8235915060208301356001600160a01b038116811461046e575f5ffd5b809150509250929050565b83815260406020820152816040820152818360608301375f818301606090810191909152601f909201601f191601019291505056fea164736f6c634300081e000a";

    private static String librariesLinkedBinary;

    public static final String FUNC_ANCHOR = "anchor";

    public static final String FUNC_ANCHOROF = "anchorOf";

    public static final String FUNC_OWNEROFWORK = "ownerOfWork";

    public static final String FUNC_REGISTERWORK = "registerWork";

    public static final String FUNC_TRANSFERWORK = "transferWork";

    public static final CustomError ALREADYANCHORED_ERROR = new CustomError("AlreadyAnchored", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>() {}, new TypeReference<Uint256>() {}));
    ;

    public static final CustomError NOTWORKOWNER_ERROR = new CustomError("NotWorkOwner", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>() {}, new TypeReference<Address>() {}));
    ;

    public static final CustomError WORKALREADYREGISTERED_ERROR = new CustomError("WorkAlreadyRegistered", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>() {}, new TypeReference<Address>() {}));
    ;

    public static final CustomError ZEROADDRESS_ERROR = new CustomError("ZeroAddress", 
            Arrays.<TypeReference<?>>asList());
    ;

    public static final Event ANCHORED_EVENT = new Event("Anchored", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {}, new TypeReference<Utf8String>() {}));
    ;

    public static final Event WORKREGISTERED_EVENT = new Event("WorkRegistered", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event WORKTRANSFERRED_EVENT = new Event("WorkTransferred", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}));
    ;

    @Deprecated
    protected ReeltraceRegistry(String contractAddress, Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        super(BINARY, contractAddress, web3j, credentials, gasPrice, gasLimit);
    }

    protected ReeltraceRegistry(String contractAddress, Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        super(BINARY, contractAddress, web3j, credentials, contractGasProvider);
    }

    @Deprecated
    protected ReeltraceRegistry(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        super(BINARY, contractAddress, web3j, transactionManager, gasPrice, gasLimit);
    }

    protected ReeltraceRegistry(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        super(BINARY, contractAddress, web3j, transactionManager, contractGasProvider);
    }

    public static List<AnchoredEventResponse> getAnchoredEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(ANCHORED_EVENT, transactionReceipt);
        ArrayList<AnchoredEventResponse> responses = new ArrayList<AnchoredEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            AnchoredEventResponse typedResponse = new AnchoredEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.root = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.sender = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.timestamp = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.uri = (String) eventValues.getNonIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static AnchoredEventResponse getAnchoredEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(ANCHORED_EVENT, log);
        AnchoredEventResponse typedResponse = new AnchoredEventResponse();
        typedResponse.log = log;
        typedResponse.root = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.sender = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.timestamp = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.uri = (String) eventValues.getNonIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<AnchoredEventResponse> anchoredEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getAnchoredEventFromLog(log));
    }

    public Flowable<AnchoredEventResponse> anchoredEventFlowable(DefaultBlockParameter startBlock,
            DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(ANCHORED_EVENT));
        return anchoredEventFlowable(filter);
    }

    public static List<WorkRegisteredEventResponse> getWorkRegisteredEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(WORKREGISTERED_EVENT, transactionReceipt);
        ArrayList<WorkRegisteredEventResponse> responses = new ArrayList<WorkRegisteredEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            WorkRegisteredEventResponse typedResponse = new WorkRegisteredEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.work = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.owner = (String) eventValues.getIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static WorkRegisteredEventResponse getWorkRegisteredEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(WORKREGISTERED_EVENT, log);
        WorkRegisteredEventResponse typedResponse = new WorkRegisteredEventResponse();
        typedResponse.log = log;
        typedResponse.work = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.owner = (String) eventValues.getIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<WorkRegisteredEventResponse> workRegisteredEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getWorkRegisteredEventFromLog(log));
    }

    public Flowable<WorkRegisteredEventResponse> workRegisteredEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(WORKREGISTERED_EVENT));
        return workRegisteredEventFlowable(filter);
    }

    public static List<WorkTransferredEventResponse> getWorkTransferredEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(WORKTRANSFERRED_EVENT, transactionReceipt);
        ArrayList<WorkTransferredEventResponse> responses = new ArrayList<WorkTransferredEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            WorkTransferredEventResponse typedResponse = new WorkTransferredEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.work = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.from = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.to = (String) eventValues.getIndexedValues().get(2).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static WorkTransferredEventResponse getWorkTransferredEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(WORKTRANSFERRED_EVENT, log);
        WorkTransferredEventResponse typedResponse = new WorkTransferredEventResponse();
        typedResponse.log = log;
        typedResponse.work = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.from = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.to = (String) eventValues.getIndexedValues().get(2).getValue();
        return typedResponse;
    }

    public Flowable<WorkTransferredEventResponse> workTransferredEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getWorkTransferredEventFromLog(log));
    }

    public Flowable<WorkTransferredEventResponse> workTransferredEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(WORKTRANSFERRED_EVENT));
        return workTransferredEventFlowable(filter);
    }

    public RemoteFunctionCall<TransactionReceipt> anchor(byte[] root, String uri) {
        final Function function = new Function(
                FUNC_ANCHOR, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(root), 
                new org.web3j.abi.datatypes.Utf8String(uri)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<Tuple3<BigInteger, BigInteger, String>> anchorOf(byte[] root) {
        final Function function = new Function(FUNC_ANCHOROF, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(root)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Address>() {}));
        return new RemoteFunctionCall<Tuple3<BigInteger, BigInteger, String>>(function,
                new Callable<Tuple3<BigInteger, BigInteger, String>>() {
                    @Override
                    public Tuple3<BigInteger, BigInteger, String> call() throws Exception {
                        List<Type> results = executeCallMultipleValueReturn(function);
                        return new Tuple3<BigInteger, BigInteger, String>(
                                (BigInteger) results.get(0).getValue(), 
                                (BigInteger) results.get(1).getValue(), 
                                (String) results.get(2).getValue());
                    }
                });
    }

    public RemoteFunctionCall<String> ownerOfWork(byte[] work) {
        final Function function = new Function(FUNC_OWNEROFWORK, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(work)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Address>() {}));
        return executeRemoteCallSingleValueReturn(function, String.class);
    }

    public RemoteFunctionCall<TransactionReceipt> registerWork(byte[] work) {
        final Function function = new Function(
                FUNC_REGISTERWORK, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(work)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> transferWork(byte[] work, String to) {
        final Function function = new Function(
                FUNC_TRANSFERWORK, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(work), 
                new org.web3j.abi.datatypes.Address(160, to)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    @Deprecated
    public static ReeltraceRegistry load(String contractAddress, Web3j web3j,
            Credentials credentials, BigInteger gasPrice, BigInteger gasLimit) {
        return new ReeltraceRegistry(contractAddress, web3j, credentials, gasPrice, gasLimit);
    }

    @Deprecated
    public static ReeltraceRegistry load(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        return new ReeltraceRegistry(contractAddress, web3j, transactionManager, gasPrice, gasLimit);
    }

    public static ReeltraceRegistry load(String contractAddress, Web3j web3j,
            Credentials credentials, ContractGasProvider contractGasProvider) {
        return new ReeltraceRegistry(contractAddress, web3j, credentials, contractGasProvider);
    }

    public static ReeltraceRegistry load(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        return new ReeltraceRegistry(contractAddress, web3j, transactionManager, contractGasProvider);
    }

    public static RemoteCall<ReeltraceRegistry> deploy(Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        return deployRemoteCall(ReeltraceRegistry.class, web3j, credentials, contractGasProvider, getDeploymentBinary(), "");
    }

    @Deprecated
    public static RemoteCall<ReeltraceRegistry> deploy(Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        return deployRemoteCall(ReeltraceRegistry.class, web3j, credentials, gasPrice, gasLimit, getDeploymentBinary(), "");
    }

    public static RemoteCall<ReeltraceRegistry> deploy(Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        return deployRemoteCall(ReeltraceRegistry.class, web3j, transactionManager, contractGasProvider, getDeploymentBinary(), "");
    }

    @Deprecated
    public static RemoteCall<ReeltraceRegistry> deploy(Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        return deployRemoteCall(ReeltraceRegistry.class, web3j, transactionManager, gasPrice, gasLimit, getDeploymentBinary(), "");
    }

    public static void linkLibraries(List<Contract.LinkReference> references) {
        librariesLinkedBinary = linkBinaryWithReferences(BINARY, references);
    }

    private static String getDeploymentBinary() {
        if (librariesLinkedBinary != null) {
            return librariesLinkedBinary;
        } else {
            return BINARY;
        }
    }

    public static class AnchoredEventResponse extends BaseEventResponse {
        public byte[] root;

        public String sender;

        public BigInteger timestamp;

        public String uri;
    }

    public static class WorkRegisteredEventResponse extends BaseEventResponse {
        public byte[] work;

        public String owner;
    }

    public static class WorkTransferredEventResponse extends BaseEventResponse {
        public byte[] work;

        public String from;

        public String to;
    }
}
