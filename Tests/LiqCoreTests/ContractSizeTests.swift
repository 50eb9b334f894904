import LiqCore
import Testing

@Suite struct ContractSizeTests {
    @Test func linearContractsAreBaseUnits() {
        // OKX BTC-USDT-SWAP ctVal 0.01 BTC: 39 contracts at 30,000 → 0.39 BTC → 11,700 USD.
        let size = ContractSize(value: 0.01, unit: .base)
        #expect(abs(size.baseQuantity(contracts: 39, price: 30_000) - 0.39) < 1e-12)
        #expect(abs(size.notionalUSD(contracts: 39, price: 30_000) - 11_700) < 1e-9)
    }

    @Test func inverseContractsAreUSD() {
        // Binance COIN-M BTCUSD 100 USD/contract: 3 contracts at 9,352.7 → 300 USD → 300/9352.7 = 0.0320762988… BTC.
        let size = ContractSize(value: 100, unit: .usd)
        #expect(size.notionalUSD(contracts: 3, price: 9352.7) == 300)
        #expect(abs(size.baseQuantity(contracts: 3, price: 9352.7) - 0.0320762988) < 1e-9)
    }
}
